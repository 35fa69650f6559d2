// The integration API of the other organisations of a province (issue 18): /orgs/<org>/api/v1/…, the same routes
// answered from that organisation's data with its own keys (`npm run cli -- api-key create --org <org>`); the
// 'default' organisation keeps /api/v1. One route for them all because routes cannot be added once the server
// serves: each request finds its organisation at that moment (one started after the process, or stopped, included).
import { Hono } from 'hono';
import type { Catalogue } from '../../../i18n/catalogue.js';
import type { ApiDeps } from './env.js';
import { mountApiV1 } from './index.js';
import { ApiProblem, problemResponse } from './problems.js';

export const ORGANISATION_API_PATH = '/orgs/:org/api/v1/*';

export interface OrganisationApis {
  /** The API's dependencies of a running organisation other than 'default'; undefined: no such organisation here. */
  find(orgId: string): ApiDeps | undefined;
  catalogue: Catalogue;
}

export function mountOrganisationApis(http: Hono, o: OrganisationApis): void {
  // One sub-app per organisation's dependencies (a restarted organisation brings new ones, and so a new sub-app).
  const apps = new WeakMap<ApiDeps, Hono>();
  http.all(ORGANISATION_API_PATH, async (c) => {
    const orgId = c.req.param('org');
    const deps = o.find(orgId);
    if (!deps) return problemResponse(o.catalogue, new ApiProblem(404, 'api-not-found'));
    let api = apps.get(deps);
    if (!api) {
      api = new Hono();
      mountApiV1(api, deps);
      apps.set(deps, api);
    }
    const url = new URL(c.req.url);
    url.pathname = url.pathname.slice(`/orgs/${orgId}`.length);
    const method = c.req.method;
    const body = method === 'GET' || method === 'HEAD' ? undefined : await c.req.arrayBuffer();
    return api.fetch(new Request(url, { method, headers: c.req.raw.headers, ...(body ? { body } : {}) }));
  });
}
