/** A GraphQL response as the server sends it. */
export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

const headersFor = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** POSTs a JSON GraphQL request over real HTTP. */
export async function graphql<T = Record<string, any>>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headersFor(token) }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, ...((await response.json()) as object) };
}

/**
 * POSTs a GraphQL multipart request (the upload spec): `files` maps a variable name to the bytes sent for it.
 * The variable is null in `operations` and filled from the mapped part by the server.
 */
export async function graphqlUpload<T = Record<string, any>>(url: string, query: string, variables: Record<string, unknown>, files: Record<string, { bytes: Uint8Array; name: string }>, token?: string): Promise<GraphQLResponse<T>> {
  const form = new FormData();
  const names = Object.keys(files);
  form.set("operations", JSON.stringify({ query, variables: { ...variables, ...Object.fromEntries(names.map((n) => [n, null])) } }));
  form.set("map", JSON.stringify(Object.fromEntries(names.map((n, i) => [String(i), [`variables.${n}`]]))));
  names.forEach((n, i) => form.set(String(i), new Blob([files[n].bytes]), files[n].name));
  const response = await fetch(url, { method: "POST", body: form, headers: headersFor(token) });
  return { status: response.status, ...((await response.json()) as object) };
}

/** The extensions.code of each error, in order. */
export const errorCodes = (response: GraphQLResponse): unknown[] => (response.errors ?? []).map((e) => e.extensions?.code);
