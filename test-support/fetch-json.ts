/** One HTTP request whose answer is read as JSON when it is JSON, and kept as text when it is not (an error page, a 404). */
export interface FetchedJson<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function fetchJson<T = any>(url: string, init: RequestInit = {}): Promise<FetchedJson<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body };
}
