import { DOMParser } from '@xmldom/xmldom';

/** XML namespaces that SAML 2.0 documents use. */
export const NS = {
  metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
} as const;

export const BINDINGS = {
  redirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
  post: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
} as const;

/**
 * Parses XML strictly, or returns null. A DOCTYPE is refused outright: SAML never needs one, and
 * entity declarations are how XML parsers are made to expand or fetch what they should not.
 */
export function parseXmlStrict(text: string): Document | null {
  if (/<!DOCTYPE/i.test(text)) return null;
  let failed = false;
  const parser = new DOMParser({
    locator: {},
    // xmldom repairs what it cannot parse and only warns (an unclosed tag); here that is a failure.
    errorHandler: {
      warning: () => {
        failed = true;
      },
      error: () => {
        failed = true;
      },
      fatalError: () => {
        failed = true;
      },
    },
  });
  try {
    const doc = parser.parseFromString(text, 'text/xml') as unknown as Document;
    return failed || !doc?.documentElement ? null : doc;
  } catch {
    return null;
  }
}

/** Child elements of `parent` with this namespace and local name (direct children only). */
export function childElements(parent: Element | Document, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  const nodes = parent.childNodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Element;
    if (node.nodeType === 1 && node.namespaceURI === ns && node.localName === localName) out.push(node);
  }
  return out;
}

/** The first child element so named, or null. */
export function childElement(parent: Element | Document, ns: string, localName: string): Element | null {
  return childElements(parent, ns, localName)[0] ?? null;
}

/** Every descendant element with this namespace and local name. */
export function descendants(parent: Element | Document, ns: string, localName: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, localName) as unknown as ArrayLike<Element>);
}

/** An element's text, trimmed ('' when absent). */
export function textOf(el: Element | null): string {
  return (el?.textContent ?? '').trim();
}

/** An attribute's value, or null when it is absent. */
export function attr(el: Element | null, name: string): string | null {
  return el?.hasAttribute(name) ? el.getAttribute(name) : null;
}
