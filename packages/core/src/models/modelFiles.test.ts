import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function freshModule(dir: string) {
  vi.stubEnv("PHOTOAUDIT_MODELS_DIR", dir);
  return import("./modelFiles.js");
}

describe("model files", () => {
  it("lists every model with package, sha256, licence and input shape", async () => {
    const { modelManifest } = await import("./modelFiles.js");
    const ids = modelManifest().map((m) => m.id);
    expect(ids).toEqual(["detect", "landmark", "eye", "pose", "expression", "blazeface"]);
    for (const model of modelManifest()) {
      expect(model.package).toMatch(/^[\w@/.-]+@\d+\.\d+\.\d+$/);
      expect(model.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(["MIT", "Apache-2.0"]).toContain(model.license);
      expect(model.input.shape.length).toBe(4);
    }
  });

  it("names the missing file and the command that fixes it", async () => {
    const { resolveModelFile } = await freshModule(mkdtempSync(join(tmpdir(), "pa-models-")));
    expect(() => resolveModelFile("detect")).toThrowError(expect.objectContaining({ code: "MODEL_MISSING", message: expect.stringMatching(/fr_detect\.onnx.*node models\/fetch\.mjs/s) }));
  });

  it("refuses a file whose hash does not match", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pa-models-"));
    writeFileSync(join(dir, "fr_eye.onnx"), "not a model");
    const { resolveModelFile } = await freshModule(dir);
    expect(() => resolveModelFile("eye")).toThrowError(expect.objectContaining({ code: "MODEL_CORRUPT", message: expect.stringMatching(/fr_eye\.onnx.*sha256/s) }));
  });
});
