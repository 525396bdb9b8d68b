import type { PhotoPlugin } from "./types.js";
import { FactUnavailable } from "./types.js";

/** File-level facts: what the container says, before any pixel is looked at. */
export const filePlugin: PhotoPlugin = {
  name: "file",
  version: "1.0.0",
  facts: [
    {
      id: "file.format",
      unit: "",
      type: "string",
      priority: 100,
      description: { zh: "文件格式（jpeg、png、webp…）", en: "File format (jpeg, png, webp, ...)" },
      compute: (ctx) => ctx.photo.format,
    },
    {
      id: "file.bytes",
      unit: "B",
      type: "integer",
      priority: 100,
      description: { zh: "文件大小（字节）", en: "File size in bytes" },
      compute: (ctx) => ctx.photo.byteSize,
    },
    {
      id: "file.kilobytes",
      unit: "KB",
      type: "number",
      priority: 100,
      description: { zh: "文件大小（KB，1 KB = 1024 字节）", en: "File size in KB (1 KB = 1024 bytes)" },
      compute: (ctx) => Math.round((ctx.photo.byteSize / 1024) * 100) / 100,
    },
    {
      id: "image.width",
      unit: "px",
      type: "integer",
      priority: 100,
      description: { zh: "图像宽度（像素，已按 EXIF 方向旋转）", en: "Image width in pixels (EXIF orientation applied)" },
      compute: (ctx) => ctx.photo.width,
    },
    {
      id: "image.height",
      unit: "px",
      type: "integer",
      priority: 100,
      description: { zh: "图像高度（像素，已按 EXIF 方向旋转）", en: "Image height in pixels (EXIF orientation applied)" },
      compute: (ctx) => ctx.photo.height,
    },
    {
      id: "image.dpi",
      unit: "dpi",
      type: "number",
      priority: 100,
      description: { zh: "文件头记录的分辨率（每英寸像素）", en: "Resolution recorded in the file header (pixels per inch)" },
      compute: (ctx) => {
        if (ctx.photo.dpi === null) {
          throw new FactUnavailable({ zh: "文件未记录分辨率（DPI）", en: "the file records no resolution (DPI)" });
        }
        return Math.round(ctx.photo.dpi * 100) / 100;
      },
    },
    {
      id: "image.bitsPerSample",
      unit: "bit",
      type: "integer",
      priority: 100,
      description: { zh: "每个颜色通道的位数", en: "Bits per colour channel" },
      compute: (ctx) => ctx.photo.bitsPerSample,
    },
    {
      id: "image.colourSpace",
      unit: "",
      type: "string",
      priority: 100,
      description: { zh: "文件存储的色彩空间（srgb、b-w、cmyk…）", en: "Colour space stored in the file (srgb, b-w, cmyk, ...)" },
      compute: (ctx) => ctx.photo.colourSpace,
    },
    {
      id: "image.hasAlpha",
      unit: "",
      type: "boolean",
      priority: 100,
      description: { zh: "是否含透明通道", en: "Whether the file has an alpha (transparency) channel" },
      compute: (ctx) => ctx.photo.hasAlpha,
    },
  ],
};
