import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken, startServer, type RunningServer } from "@photoaudit/server";
import { makeJpeg } from "./support/images.js";

// Each abusive request must be refused with its code, and the server must stay healthy after every one.
let server: RunningServer;
let url: string;
let sdAdmin: string;

const VALIDATE = JSON.stringify({ query: 'mutation($p: File!) { validatePhoto(photo: $p, rulesetId: "cn-national") { verdict } }', variables: { p: null } });
const MAP = JSON.stringify({ 0: ["variables.p"] });

function form(parts: { operations?: string; map?: string; file?: Uint8Array | string }): FormData {
  const body = new FormData();
  if (parts.operations !== undefined) body.set("operations", parts.operations);
  if (parts.map !== undefined) body.set("map", parts.map);
  if (parts.file !== undefined) body.set("0", new Blob([parts.file]), "photo.jpg");
  return body;
}

const post = (body: BodyInit, headers: Record<string, string> = {}) => fetch(url, { method: "POST", body, headers });
const json = (query: string, token?: string) =>
  post(JSON.stringify({ query }), { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) });

/** A raw POST whose declared Content-Length or framing fetch would not let us lie about. */
function rawPost(headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = httpRequest({ host: target.hostname, port: target.port, path: target.pathname, method: "POST", headers }, (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function codes(response: Response | { status: number; body: string }): Promise<{ status: number; codes: unknown[]; photoCodes: unknown[] }> {
  const text = response instanceof Response ? await response.text() : response.body;
  const parsed = JSON.parse(text) as { errors?: { extensions?: Record<string, unknown> }[] };
  return {
    status: response.status,
    codes: (parsed.errors ?? []).map((e) => e.extensions?.code),
    photoCodes: (parsed.errors ?? []).map((e) => e.extensions?.photoErrorCode).filter(Boolean),
  };
}

beforeAll(async () => {
  server = await startServer({ port: 0, host: "127.0.0.1", dataDir: "memory", logging: false, workers: 1, maxUploadBytes: 1024 * 1024 });
  url = server.url;
  sdAdmin = (await createToken(server.store, { role: "admin", regions: ["CN-SD"] })).token;
});

afterAll(async () => {
  await server?.close();
});

describe("API abuse: refused with a stable code, server healthy afterwards", () => {
  const cases: [string, () => Promise<Response | { status: number; body: string }>, string, string?][] = [
    ["multipart body that is not multipart", () => post("garbage", { "content-type": "multipart/form-data; boundary=xyz" }), "BAD_REQUEST"],
    ["operations that are not JSON", () => post(form({ operations: "{nope", map: MAP, file: "x" })), "BAD_REQUEST"],
    ["a multipart request without its map", () => post(form({ operations: VALIDATE, file: "x" })), "BAD_REQUEST"],
    ["a map naming a file part that was not sent", () => post(form({ operations: VALIDATE, map: JSON.stringify({ 7: ["variables.p"] }) })), "BAD_REQUEST"],
    ["a text file sent as the photo", () => post(form({ operations: VALIDATE, map: MAP, file: "not a photo at all" })), "BAD_PHOTO", "UNSUPPORTED_FORMAT"],
    ["a truncated JPEG", async () => post(form({ operations: VALIDATE, map: MAP, file: (await makeJpeg()).subarray(0, 2000) })), "BAD_PHOTO", "CORRUPT_IMAGE"],
    ["a body declared larger than the upload limit (refused unread)", () => rawPost({ "content-type": "multipart/form-data; boundary=x", "content-length": String(50 * 1024 * 1024) }, ""), "PAYLOAD_TOO_LARGE"],
    ["a chunked body of unknown length", () => rawPost({ "content-type": "application/json", "transfer-encoding": "chunked" }, '{"query":"{ __typename }"}'), "BAD_REQUEST"],
    ["JSON that does not parse", () => post('{"query": ', { "content-type": "application/json" }), "BAD_REQUEST"],
    ["a too costly query", () => json(`{ ${Array.from({ length: 60 }, (_, i) => `a${i}: plugins { facts { id unit description { zh en } } operators { name } }`).join(" ")} }`), "QUERY_TOO_COSTLY"],
    ["a mutation without a token", () => json('mutation { archiveRuleset(id: "cn-sd-jinan", comment: "x") { id } }'), "UNAUTHENTICATED"],
    ["a wrong token", () => json('mutation { archiveRuleset(id: "cn-sd-jinan", comment: "x") { id } }', "pat_wrongwrongwrongwrongwrongwrongwrongwrong123"), "UNAUTHENTICATED"],
    ["an admin of CN-SD archiving a CN-GD ruleset", () => json('mutation { archiveRuleset(id: "cn-gd-guangzhou", comment: "x") { id } }', sdAdmin), "FORBIDDEN"],
  ];

  it.each(cases)("%s -> %s", async (_name, send, code, photoCode) => {
    const result = await codes(await send());
    expect(result.codes).toContain(code);
    if (photoCode) expect(result.photoCodes).toEqual([photoCode]);
    const health = await fetch(url.replace("/graphql", "/health"));
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe("ok");
  });

  it("refuses a draft carrying __proto__ and pollutes nothing", async () => {
    const document = JSON.parse('{"id":"cn-sd-jinan","version":2,"region":"CN-SD","extends":"cn-national","name":{"zh":"济南","en":"Jinan"},"rules":[],"__proto__":{"polluted":true}}');
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${sdAdmin}` },
      body: JSON.stringify({
        query: "mutation($d: JSON!) { saveRulesetDraft(id: \"cn-sd-jinan\", expectedVersion: 1, comment: \"attack\", document: $d) { version } }",
        variables: { d: document },
      }).replace('"rules":[]', '"rules":[],"__proto__":{"polluted":true}'),
    });
    const result = await codes(response);
    expect(result.codes).toEqual(["INVALID_RULESET"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const health = await fetch(url.replace("/graphql", "/health"));
    expect(health.status).toBe(200);
  });
});
