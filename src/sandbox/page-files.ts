// Serves the page: `/` is index.html, `/sandbox/page/<file>` its scripts and style, read from src/sandbox/page once
// at start. Plain files, no build step (see page/app.js for why).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';
import type { Hono } from 'hono';

export const PAGE_DIR = path.join(PROJECT_ROOT, 'src', 'sandbox', 'page');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export function mountPage(app: Hono, dir = PAGE_DIR): void {
  const files = new Map<string, { body: string; type: string }>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[path.extname(name)];
    if (type) files.set(name, { body: readFileSync(path.join(dir, name), 'utf8'), type });
  }
  const headers = (type: string) => ({
    'content-type': type,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    // The page loads only its own scripts and styles, and talks only to this server.
    'content-security-policy':
      "default-src 'self'; img-src 'self' data: http://127.0.0.1:*; connect-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
  });
  app.get('/', (c) => {
    const index = files.get('index.html');
    return index ? c.body(index.body, 200, headers(index.type)) : c.notFound();
  });
  app.get('/sandbox/page/:name', (c) => {
    const file = files.get(c.req.param('name'));
    return file ? c.body(file.body, 200, headers(file.type)) : c.text('Not found / Không tìm thấy', 404);
  });
}
