import { openApiDocument } from '@/lib/api-v1/openapi';

/** GET /api/v1/openapi.json — the API's description, public: it holds no data, only the shapes. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
