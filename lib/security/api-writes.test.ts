import { describe, expect, it } from 'vitest';
import { refuseApiWrite } from './api-writes';

const APP = 'https://quorum.example.com';
const JSON_TYPE = { 'content-type': 'application/json' };

const check = (method: string, pathname: string, headers: Record<string, string>) =>
  refuseApiWrite({ method, pathname, headers: new Headers(headers), appOrigin: APP });

describe('refuseApiWrite', () => {
  it.each([
    ['a same-origin JSON POST', 'POST', '/api/items', { ...JSON_TYPE, origin: APP }],
    [
      'a JSON PATCH with a charset',
      'PATCH',
      '/api/items/1/cell',
      { 'content-type': 'application/json; charset=utf-8', origin: APP },
    ],
    [
      'no Origin but Sec-Fetch-Site: same-origin',
      'POST',
      '/api/meetings/1/live',
      { ...JSON_TYPE, 'sec-fetch-site': 'same-origin' },
    ],
    ['a GET from anywhere (reads are not writes)', 'GET', '/api/cycles/1/items', { origin: 'https://evil.example' }],
    [
      "next-auth's own routes (they carry their own CSRF token)",
      'POST',
      '/api/auth/callback/credentials',
      { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
    ],
    [
      'a write outside /api (server actions are checked by Next)',
      'POST',
      '/cycles/1',
      { 'content-type': 'text/plain' },
    ],
    ['an /api-looking page path', 'POST', '/apis', { 'content-type': 'text/plain' }],
    [
      'a REST API write with a bearer token and no Origin (it reads no cookie)',
      'POST',
      '/api/v1/items',
      { ...JSON_TYPE, authorization: 'Bearer qrm_x' },
    ],
  ])('lets through %s', (_name, method, path, headers) => {
    expect(check(method, path, headers)).toBeNull();
  });

  it.each([
    [
      'a text/plain body',
      'POST',
      '/api/items',
      { 'content-type': 'text/plain', origin: APP },
      415,
      /Content-Type must be application\/json/,
    ],
    [
      'a form body',
      'PATCH',
      '/api/items/1',
      { 'content-type': 'application/x-www-form-urlencoded', origin: APP },
      415,
      /application\/json/,
    ],
    ['no Content-Type', 'DELETE', '/api/items/1', { origin: APP }, 415, /application\/json/],
    [
      'a JSON look-alike type',
      'POST',
      '/api/items',
      { 'content-type': 'application/jsonp', origin: APP },
      415,
      /application\/json/,
    ],
    [
      'a foreign Origin',
      'POST',
      '/api/items',
      { ...JSON_TYPE, origin: 'https://evil.example' },
      403,
      /Origin https:\/\/evil\.example may not write/,
    ],
    [
      'the same host over http',
      'PUT',
      '/api/items/1',
      { ...JSON_TYPE, origin: 'http://quorum.example.com' },
      403,
      /may not write/,
    ],
    ['Origin: null (a sandboxed frame)', 'POST', '/api/items', { ...JSON_TYPE, origin: 'null' }, 403, /may not write/],
    ['no Origin and no Sec-Fetch-Site', 'POST', '/api/items', JSON_TYPE, 403, /needs an Origin header/],
    [
      'no Origin and a cross-site Sec-Fetch-Site',
      'POST',
      '/api/items',
      { ...JSON_TYPE, 'sec-fetch-site': 'cross-site' },
      403,
      /needs an Origin/,
    ],
    [
      'no Origin and a same-site (other subdomain) request',
      'POST',
      '/api/items',
      { ...JSON_TYPE, 'sec-fetch-site': 'same-site' },
      403,
      /needs an Origin/,
    ],
    [
      'a lower-case method',
      'post',
      '/api/items',
      { 'content-type': 'text/plain', origin: APP },
      415,
      /application\/json/,
    ],
  ])('refuses %s', (_name, method, path, headers, status, message) => {
    const refusal = check(method, path, headers);
    expect(refusal?.status).toBe(status);
    expect(refusal?.error).toMatch(message);
  });
});
