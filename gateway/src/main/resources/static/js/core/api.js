// Calls to the services through the gateway: same origin, the session cookie signs them in, and the CSRF token
// from the XSRF-TOKEN cookie goes back in a header on every change. No token ever reaches this code.

export class ApiError extends Error {
  constructor(status, problem, etag) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.etag = etag;
  }

  /** The message of a field the service refused, if it named one. */
  fieldMessage(field) {
    const errors = this.problem.errors || this.problem.fieldErrors || this.problem['invalid-params'] || [];
    const hit = [].concat(errors).find((e) => e && (e.field === field || e.name === field || e.pointer === `/${field}`));
    return hit ? (hit.message || hit.reason || hit.detail) : undefined;
  }
}

export function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : undefined;
}

export async function request(method, path, { body, etag, signal } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  if (etag) headers['If-Match'] = etag;
  const response = await fetch(path, {
    method, headers, signal, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = text; }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data && typeof data === 'object' ? data : { detail: text }, response.headers.get('ETag'));
  }
  return { data, etag: response.headers.get('ETag'), location: response.headers.get('Location') };
}

export const get = (path, options) => request('GET', path, options).then((r) => r.data);
export const post = (path, body, options) => request('POST', path, { ...options, body }).then((r) => r.data);
export const put = (path, body, options) => request('PUT', path, { ...options, body });

export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    for (const one of [].concat(value)) search.append(name, one);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
