// Checks real responses against api/openapi.yaml: the route and status must be
// documented and a JSON body must match its schema. The test Client calls this for
// every response, so every API test also tests the description.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import { repoRoot } from './server.mjs';

export const spec = YAML.parse(readFileSync(join(repoRoot, 'api', 'openapi.yaml'), 'utf8'));

function rewriteRefs(node) {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node && typeof node === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `spec${v}` : rewriteRefs(v);
    }
    return out;
  }
  return node;
}

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ $id: 'spec', components: rewriteRefs(spec.components || {}) });

const routes = Object.entries(spec.paths || {}).map(([template, item]) => ({
  template,
  item,
  regex: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\}/g, '[^/]+')}$`),
  literalCount: template.split('/').filter((s) => s && !s.startsWith('{')).length,
}));

// The documented path template for a concrete path (literal segments win).
export function findRoute(path) {
  const matches = routes.filter((r) => r.regex.test(path));
  matches.sort((a, b) => b.literalCount - a.literalCount);
  return matches[0] || null;
}

const compiled = new Map();
function validatorFor(key, schema) {
  if (!compiled.has(key)) compiled.set(key, ajv.compile(rewriteRefs(schema)));
  return compiled.get(key);
}

function resolve(node) {
  while (node && node.$ref) {
    const parts = node.$ref.replace(/^#\//, '').split('/');
    node = parts.reduce((n, p) => n?.[p.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return node;
}

// Returns null when the response conforms, else a description of what is wrong.
export function checkResponse(method, path, status, contentType, text) {
  const bare = path.split('?')[0];
  const route = findRoute(bare);
  const isJson = (contentType || '').includes('application/json');
  if (!route) {
    // Unknown routes answer with the standard error body.
    if (status === 404 || status === 405) {
      if (!bare.startsWith('/api/')) return null; // web UI paths
      const v = validatorFor('Error', { $ref: '#/components/schemas/Error' });
      return isJson && v(JSON.parse(text)) ? null : `unknown route ${bare}: body is not an Error`;
    }
    if (!bare.startsWith('/api/') && bare !== '/healthz' && bare !== '/metrics') return null;
    return `route not in api/openapi.yaml: ${method} ${bare}`;
  }
  const operation = route.item[method.toLowerCase()];
  if (!operation) {
    if (status === 405 || status === 404) return null;
    return `method not in api/openapi.yaml: ${method} ${route.template}`;
  }
  if (status >= 500) return null; // 500/503 bodies are checked by their own tests
  const response = resolve(operation.responses?.[String(status)] || operation.responses?.default);
  if (!response) {
    // Cross-cutting answers every route may give.
    if ([400, 401, 403, 404, 405, 409, 413, 415, 422, 429].includes(status) && isJson) {
      const v = validatorFor('Error', { $ref: '#/components/schemas/Error' });
      return v(JSON.parse(text)) ? null : `${status} body is not an Error`;
    }
    return `status ${status} not documented for ${method} ${route.template}`;
  }
  if (!isJson || !text) return null;
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return `JSON body not documented for ${method} ${route.template} ${status}`;
  const validate = validatorFor(`${method} ${route.template} ${status}`, schema);
  if (validate(JSON.parse(text))) return null;
  return `${method} ${route.template} ${status} does not match its schema: ${ajv.errorsText(validate.errors)}`;
}
