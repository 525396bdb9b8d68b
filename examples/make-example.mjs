#!/usr/bin/env node
// Draws examples/synthetic-id-photo.jpg: a synthetic 358x441, 350 dpi JPEG in the national layout
// (white background, head and shoulders). It is a drawing, not a person: the file-level rules pass and
// face analysis sees no real face, which is the honest outcome for a drawing.
import sharp from "sharp";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="358" height="441">
  <defs>
    <radialGradient id="skin" cx="50%" cy="45%" r="60%"><stop offset="0" stop-color="#f1c9a5"/><stop offset="1" stop-color="#d9a47f"/></radialGradient>
    <linearGradient id="suit" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2d3a4f"/><stop offset="1" stop-color="#1b2433"/></linearGradient>
  </defs>
  <rect width="358" height="441" fill="#fdfdfd"/>
  <path d="M20 441 C30 360 90 330 179 325 C268 330 328 360 338 441 Z" fill="url(#suit)"/>
  <path d="M150 300 L208 300 L214 345 L179 372 L144 345 Z" fill="#e4b794"/>
  <path d="M150 335 L179 372 L208 335 L200 441 L158 441 Z" fill="#f4f4f4"/>
  <ellipse cx="179" cy="190" rx="96" ry="122" fill="url(#skin)"/>
  <path d="M83 185 C78 90 130 38 182 38 C240 38 285 90 276 185 C262 130 240 105 179 100 C120 105 96 130 83 185 Z" fill="#1e1a18"/>
  <ellipse cx="84" cy="200" rx="10" ry="22" fill="#d9a47f"/><ellipse cx="274" cy="200" rx="10" ry="22" fill="#d9a47f"/>
  <path d="M118 160 Q140 150 160 160" stroke="#2a211c" stroke-width="6" fill="none" stroke-linecap="round"/>
  <path d="M198 160 Q218 150 240 160" stroke="#2a211c" stroke-width="6" fill="none" stroke-linecap="round"/>
  <ellipse cx="140" cy="182" rx="15" ry="8" fill="#fff"/><circle cx="140" cy="182" r="6" fill="#3b2a20"/>
  <ellipse cx="218" cy="182" rx="15" ry="8" fill="#fff"/><circle cx="218" cy="182" r="6" fill="#3b2a20"/>
  <path d="M179 190 L170 232 Q179 238 188 232" stroke="#b98264" stroke-width="3" fill="none"/>
  <path d="M152 262 Q179 270 206 262" stroke="#a45a4e" stroke-width="5" fill="none" stroke-linecap="round"/>
</svg>`;

const out = join(dirname(fileURLToPath(import.meta.url)), "synthetic-id-photo.jpg");
const info = await sharp(Buffer.from(svg)).flatten({ background: "#ffffff" }).jpeg({ quality: 92 }).withMetadata({ density: 350 }).toFile(out);
console.log(`wrote ${out} (${info.width}x${info.height}, ${info.size} bytes)`);
