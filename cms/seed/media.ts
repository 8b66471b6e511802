/**
 * Demo media generated locally at seed time: flat-design illustrations (JPEG),
 * partner logos (PNG), small text PDFs and WebVTT caption files.
 *
 * Everything here is deterministic (the same input always gives the same bytes),
 * needs no network and no fonts: the pictures are plain SVG shapes rendered by
 * sharp, and the PDFs use the standard Helvetica font that every reader ships.
 */
import sharp from 'sharp';
import { MOTIFS, type Motif } from './motifs.ts';

export { MOTIFS, type Motif };

// ======================================================================
// Seeded randomness
// ======================================================================

/** A small pseudo-random generator with the helpers the scenes need. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [min, max). */
  range(min: number, max: number): number;
  /** An integer in [min, max] (both ends included). */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** The mulberry32 generator: 32 bits of state, good enough spread for pictures. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    pick: (items) => items[Math.floor(items.length * next())] as (typeof items)[number],
    chance: (probability) => next() < probability,
  };
}

/** FNV-1a over a string, used to give every motif (and logo) its own stream of numbers. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

// ======================================================================
// SVG building blocks
// ======================================================================

/** Coordinates are written with one decimal so the SVG text (and so the bytes) is stable. */
function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** HSL (degrees, percent, percent) to a #rrggbb colour; librsvg is happiest with hex. */
function hsl(hue: number, saturation: number, lightness: number): string {
  const h = ((hue % 360) + 360) % 360;
  const s = clamp(saturation, 0, 100) / 100;
  const l = clamp(lightness, 0, 100) / 100;
  const chroma = (1 - Math.abs(2 * l - 1)) * s;
  const second = chroma * (1 - Math.abs(((h / 60) % 2) - 1));
  const base = l - chroma / 2;
  const sector = Math.floor(h / 60);
  const rgb =
    sector === 0 ? [chroma, second, 0]
    : sector === 1 ? [second, chroma, 0]
    : sector === 2 ? [0, chroma, second]
    : sector === 3 ? [0, second, chroma]
    : sector === 4 ? [second, 0, chroma]
    : [chroma, 0, second];
  return '#' + rgb.map((v) => Math.round((v + base) * 255).toString(16).padStart(2, '0')).join('');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Point = readonly [number, number];

const rect = (x: number, y: number, w: number, h: number, fill: string, extra = ''): string =>
  `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="${fill}"${extra ? ' ' + extra : ''}/>`;

const circle = (cx: number, cy: number, r: number, fill: string, extra = ''): string =>
  `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="${fill}"${extra ? ' ' + extra : ''}/>`;

const ellipse = (cx: number, cy: number, rx: number, ry: number, fill: string, extra = ''): string =>
  `<ellipse cx="${num(cx)}" cy="${num(cy)}" rx="${num(rx)}" ry="${num(ry)}" fill="${fill}"${extra ? ' ' + extra : ''}/>`;

const polygon = (points: readonly Point[], fill: string, extra = ''): string =>
  `<polygon points="${points.map(([x, y]) => `${num(x)},${num(y)}`).join(' ')}" fill="${fill}"${extra ? ' ' + extra : ''}/>`;

const path = (d: string, fill: string, extra = ''): string => `<path d="${d}" fill="${fill}"${extra ? ' ' + extra : ''}/>`;

/** An unfilled path drawn with a round-capped stroke. */
const stroke = (d: string, colour: string, width: number, extra = ''): string =>
  path(d, 'none', `stroke="${colour}" stroke-width="${num(width)}" stroke-linecap="round" stroke-linejoin="round"${extra ? ' ' + extra : ''}`);

const line = (x1: number, y1: number, x2: number, y2: number, colour: string, width: number): string =>
  stroke(`M${num(x1)} ${num(y1)}L${num(x2)} ${num(y2)}`, colour, width);

const group = (children: string, attrs: string): string => `<g ${attrs}>${children}</g>`;

const translate = (x: number, y: number, extra = ''): string => `transform="translate(${num(x)} ${num(y)})${extra ? ' ' + extra : ''}"`;

/** A polyline through the points as path data (optionally closed). */
function polyPath(points: readonly Point[], close = false): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${num(x)} ${num(y)}`).join('') + (close ? 'Z' : '');
}

// ======================================================================
// Scenes
// ======================================================================

/** The drawing is always composed on this canvas, then scaled to the requested size. */
const W = 1200;
const H = 675;

type Light = 'morning' | 'noon' | 'evening';

interface Palette {
  light: Light;
  skyTop: string;
  skyBottom: string;
  sun: string;
  /** Base hue of the vegetation, nudged per seed. */
  green: number;
  /** Small hue nudge applied to everything else. */
  shift: number;
}

/** Everything a motif needs while drawing: randomness, the palette and a place for <defs>. */
interface Scene {
  rng: Rng;
  palette: Palette;
  defs: string[];
  nextId: number;
}

function choosePalette(rng: Rng): Palette {
  const light = rng.pick<Light>(['morning', 'noon', 'noon', 'evening']);
  const shift = rng.range(-10, 10);
  const green = rng.range(88, 122);
  if (light === 'morning') {
    return { light, shift, green, skyTop: hsl(204 + shift, 62, 70), skyBottom: hsl(36 + shift, 88, 88), sun: hsl(44, 96, 78) };
  }
  if (light === 'evening') {
    return { light, shift, green, skyTop: hsl(228 + shift, 42, 58), skyBottom: hsl(24 + shift, 88, 79), sun: hsl(32, 96, 72) };
  }
  return { light, shift, green, skyTop: hsl(207 + shift, 68, 60), skyBottom: hsl(196 + shift, 62, 89), sun: hsl(50, 100, 86) };
}

/** Registers a linear gradient and returns the fill reference. Stops: [offset 0..1, colour, opacity?]. */
function gradient(scene: Scene, stops: readonly (readonly [number, string, number?])[], direction: 'down' | 'right' | 'diagonal' = 'down'): string {
  const id = `g${scene.nextId++}`;
  const [x2, y2] = direction === 'down' ? [0, 1] : direction === 'right' ? [1, 0] : [1, 1];
  const stopTags = stops
    .map(([offset, colour, opacity]) => `<stop offset="${num(offset)}" stop-color="${colour}"${opacity === undefined ? '' : ` stop-opacity="${num(opacity)}"`}/>`)
    .join('');
  scene.defs.push(`<linearGradient id="${id}" x1="0" y1="0" x2="${x2}" y2="${y2}">${stopTags}</linearGradient>`);
  return `url(#${id})`;
}

/** Registers a clip path made of the given shapes and returns the attribute that applies it. */
function clipTo(scene: Scene, shapes: string): string {
  const id = `c${scene.nextId++}`;
  scene.defs.push(`<clipPath id="${id}">${shapes}</clipPath>`);
  return `clip-path="url(#${id})"`;
}

// ---------------------------------------------------------------- sky and land

function sky(scene: Scene, options: { sunX?: number; sunY?: number; clouds?: number; top?: string; bottom?: string } = {}): string {
  const { rng, palette } = scene;
  const fill = gradient(scene, [[0, options.top ?? palette.skyTop], [1, options.bottom ?? palette.skyBottom]]);
  const sunX = options.sunX ?? rng.range(150, 1050);
  const sunY = options.sunY ?? (palette.light === 'noon' ? rng.range(70, 150) : rng.range(170, 250));
  const sun = circle(sunX, sunY, 95, palette.sun, 'opacity="0.25"') + circle(sunX, sunY, 52, palette.sun);
  let clouds = '';
  for (let i = 0; i < (options.clouds ?? rng.int(2, 4)); i++) clouds += cloud(rng, rng.range(60, 1140), rng.range(50, 230), rng.range(0.6, 1.3));
  return rect(0, 0, W, H, fill) + sun + clouds;
}

function cloud(rng: Rng, x: number, y: number, scale: number): string {
  let puffs = '';
  const count = rng.int(3, 5);
  for (let i = 0; i < count; i++) {
    const dx = (i - (count - 1) / 2) * 34 * scale;
    const r = (26 + rng.range(0, 20) * (1 - Math.abs(dx) / (90 * scale))) * scale;
    puffs += circle(x + dx, y - r * 0.35, r, '#ffffff');
  }
  puffs += rect(x - (count * 20 + 14) * scale, y - 4 * scale, (count * 40 + 28) * scale, 22 * scale, '#ffffff', `rx="${num(11 * scale)}"`);
  return group(puffs, 'opacity="0.88"');
}

/** A wavy skyline y(x) made of two sines, so each ridge has its own character. */
function ridgeFunction(rng: Rng, baseY: number, amplitude: number): (x: number) => number {
  const f1 = rng.range(0.003, 0.007);
  const f2 = rng.range(0.009, 0.017);
  const p1 = rng.range(0, Math.PI * 2);
  const p2 = rng.range(0, Math.PI * 2);
  return (x) => baseY - amplitude * (0.65 * Math.sin(x * f1 + p1) + 0.35 * Math.sin(x * f2 + p2));
}

/** The land under a skyline, filled down to the bottom of the picture. */
function ridge(top: (x: number) => number, fill: string, extra = '', bottom = H): string {
  const points: Point[] = [];
  for (let x = -20; x <= W + 20; x += 20) points.push([x, top(x)]);
  points.push([W + 20, bottom], [-20, bottom]);
  return polygon(points, fill, extra);
}

function hillLayers(scene: Scene, layers: readonly { y: number; amplitude: number; colour: string }[]): string {
  return layers.map((layer) => ridge(ridgeFunction(scene.rng, layer.y, layer.amplitude), layer.colour)).join('');
}

function birds(rng: Rng, count: number): string {
  let d = '';
  for (let i = 0; i < count; i++) {
    const x = rng.range(100, 1100);
    const y = rng.range(60, 220);
    const s = rng.range(0.6, 1.2);
    d += `M${num(x)} ${num(y)}q${num(7 * s)} ${num(-7 * s)} ${num(14 * s)} 0q${num(7 * s)} ${num(-7 * s)} ${num(14 * s)} 0`;
  }
  return stroke(d, '#3a3f4a', 2.2, 'opacity="0.7"');
}

/** Thin diagonal light rays or rain streaks over the picture. */
function rain(rng: Rng, count: number, colour: string): string {
  let d = '';
  for (let i = 0; i < count; i++) {
    const x = rng.range(-100, W);
    const y = rng.range(-20, H);
    const length = rng.range(18, 34);
    d += `M${num(x)} ${num(y)}l${num(length * 0.35)} ${num(length)}`;
  }
  return stroke(d, colour, 1.6, 'opacity="0.55"');
}

// ---------------------------------------------------------------- plants and trees

/** A grass-like leaf from (x, y) bending towards (x + dx, y - height). */
function blade(x: number, y: number, dx: number, height: number, width: number): string {
  return (
    `M${num(x - width)} ${num(y)}` +
    `Q${num(x + dx * 0.25)} ${num(y - height * 0.6)} ${num(x + dx)} ${num(y - height)}` +
    `Q${num(x + dx * 0.25 + width * 0.6)} ${num(y - height * 0.55)} ${num(x + width)} ${num(y)}Z`
  );
}

function grassClump(rng: Rng, x: number, y: number, height: number, colours: readonly string[], blades = 11): string {
  let out = '';
  for (let i = 0; i < blades; i++) {
    const spread = (i / (blades - 1) - 0.5) * 2;
    const d = blade(x + spread * height * 0.08, y, spread * height * rng.range(0.35, 0.7), height * rng.range(0.65, 1), height * 0.028);
    out += path(d, rng.pick(colours));
  }
  return out;
}

/** A palmate (hand-shaped) leaf like cassava: narrow lobes fanning out from one point. */
function palmateLeaf(x: number, y: number, size: number, angle: number, lobes: number, colour: string): string {
  let out = '';
  for (let i = 0; i < lobes; i++) {
    const a = angle + (i / (lobes - 1) - 0.5) * 150;
    const length = size * (1 - Math.abs(i / (lobes - 1) - 0.5) * 0.7);
    out += ellipse(length / 2, 0, length / 2, size * 0.11, colour, `transform="rotate(${num(a)})"`);
  }
  return group(out, translate(x, y));
}

function roundTree(rng: Rng, x: number, y: number, size: number, leaf: string, trunk: string): string {
  let crown = '';
  for (let i = 0; i < 4; i++) crown += circle(x + rng.range(-0.45, 0.45) * size, y - size * rng.range(1.2, 1.6), size * rng.range(0.45, 0.65), leaf);
  return rect(x - size * 0.07, y - size * 1.3, size * 0.14, size * 1.3, trunk) + crown;
}

function palmTree(rng: Rng, x: number, y: number, height: number, leaf: string, trunk: string): string {
  const lean = rng.range(-0.25, 0.25) * height;
  const topX = x + lean;
  const topY = y - height;
  let fronds = '';
  const count = rng.int(6, 8);
  for (let i = 0; i < count; i++) {
    const a = (i / count) * Math.PI * 2 + rng.range(-0.2, 0.2);
    const reach = height * rng.range(0.32, 0.45);
    const ex = topX + Math.cos(a) * reach;
    const ey = topY + Math.abs(Math.sin(a)) * reach * 0.35 + reach * 0.25;
    const cx = topX + Math.cos(a) * reach * 0.6;
    const cy = topY - reach * 0.3;
    fronds += stroke(`M${num(topX)} ${num(topY)}Q${num(cx)} ${num(cy)} ${num(ex)} ${num(ey)}`, leaf, height * 0.045);
  }
  const trunkPath = `M${num(x)} ${num(y)}Q${num(x + lean * 0.1)} ${num(y - height * 0.5)} ${num(topX)} ${num(topY)}`;
  return stroke(trunkPath, trunk, height * 0.045) + fronds + circle(topX, topY + 4, height * 0.035, '#6b4a2b');
}

function acacia(x: number, y: number, size: number, leaf: string, trunk: string): string {
  const trunkPath = `M${num(x)} ${num(y)}L${num(x + size * 0.05)} ${num(y - size * 0.6)}M${num(x + size * 0.04)} ${num(y - size * 0.45)}L${num(x - size * 0.3)} ${num(y - size * 0.75)}M${num(x + size * 0.05)} ${num(y - size * 0.6)}L${num(x + size * 0.35)} ${num(y - size * 0.78)}`;
  return stroke(trunkPath, trunk, size * 0.05) + ellipse(x + size * 0.03, y - size * 0.8, size * 0.62, size * 0.13, leaf);
}

// ---------------------------------------------------------------- people

interface PersonStyle {
  shirt: string;
  skin: string;
  legs: string;
  /** A long skirt or sari instead of two legs. */
  dress?: boolean;
  hat?: 'conical' | 'cap' | 'scarf';
  hatColour?: string;
  /** A basket carried on the back, like tea pickers. */
  basket?: boolean;
  /** Leaning forward, e.g. planting rice (degrees). */
  lean?: number;
  /** Arm raised (speaker, teacher pointing). */
  armUp?: boolean;
}

const SKIN_TONES = ['#8d5a3b', '#a86b45', '#6e4329', '#c58c62', '#b57a52', '#5c3822'] as const;
const CLOTHES = ['#d1495b', '#edae49', '#00798c', '#30638e', '#7b4b94', '#e07a5f', '#3d405b', '#81b29a', '#f2cc8f', '#2a9d8f'] as const;

function randomPerson(rng: Rng, extra: Partial<PersonStyle> = {}): PersonStyle {
  return { shirt: rng.pick(CLOTHES), skin: rng.pick(SKIN_TONES), legs: rng.pick(['#2f3e46', '#5c4d3c', '#354f52', '#4a4e69']), dress: rng.chance(0.4), ...extra };
}

/** A standing figure, feet at (x, feetY). */
function person(x: number, feetY: number, height: number, style: PersonStyle): string {
  const h = height;
  const headR = h * 0.075;
  const hipY = feetY - h * 0.46;
  const shoulderY = feetY - h * 0.8;
  const headY = shoulderY - headR * 1.25;
  let lower = '';
  if (style.dress) {
    lower = polygon([[x - h * 0.1, hipY - 2], [x + h * 0.1, hipY - 2], [x + h * 0.15, feetY], [x - h * 0.15, feetY]], style.legs);
  } else {
    lower = rect(x - h * 0.095, hipY - 2, h * 0.08, h * 0.46 + 2, style.legs, `rx="${num(h * 0.02)}"`);
    lower += rect(x + h * 0.015, hipY - 2, h * 0.08, h * 0.46 + 2, style.legs, `rx="${num(h * 0.02)}"`);
  }
  const torsoPath =
    `M${num(x - h * 0.13)} ${num(shoulderY + h * 0.04)}Q${num(x - h * 0.13)} ${num(shoulderY)} ${num(x - h * 0.08)} ${num(shoulderY)}` +
    `L${num(x + h * 0.08)} ${num(shoulderY)}Q${num(x + h * 0.13)} ${num(shoulderY)} ${num(x + h * 0.13)} ${num(shoulderY + h * 0.04)}` +
    `L${num(x + h * 0.11)} ${num(hipY + h * 0.02)}L${num(x - h * 0.11)} ${num(hipY + h * 0.02)}Z`;
  const armWidth = h * 0.055;
  const leftArm = line(x - h * 0.12, shoulderY + h * 0.04, x - h * 0.16, hipY + h * 0.02, style.shirt, armWidth);
  const rightArm = style.armUp
    ? line(x + h * 0.12, shoulderY + h * 0.04, x + h * 0.3, shoulderY - h * 0.12, style.shirt, armWidth)
    : line(x + h * 0.12, shoulderY + h * 0.04, x + h * 0.16, hipY + h * 0.02, style.shirt, armWidth);
  const hand = style.armUp ? circle(x + h * 0.31, shoulderY - h * 0.13, armWidth * 0.55, style.skin) : '';
  const basket = style.basket
    ? polygon([[x - h * 0.2, shoulderY - h * 0.04], [x + h * 0.04, shoulderY - h * 0.04], [x + h * 0.0, hipY - h * 0.04], [x - h * 0.17, hipY - h * 0.04]], '#b08850') +
      line(x - h * 0.2, shoulderY + h * 0.05, x + h * 0.04, shoulderY + h * 0.05, '#8a6a3a', h * 0.015) +
      ellipse(x - h * 0.08, shoulderY - h * 0.05, h * 0.12, h * 0.035, '#5f8f3e')
    : '';
  const upper = basket + leftArm + path(torsoPath, style.shirt) + rightArm + hand + circle(x, headY, headR, style.skin) + hat(x, headY, headR, style);
  const leaned = style.lean ? group(upper, `transform="rotate(${num(style.lean)} ${num(x)} ${num(hipY)})"`) : upper;
  return lower + leaned;
}

function hat(x: number, headY: number, r: number, style: PersonStyle): string {
  const colour = style.hatColour ?? '#e9c46a';
  if (style.hat === 'conical') return polygon([[x - r * 2.3, headY - r * 0.2], [x + r * 2.3, headY - r * 0.2], [x, headY - r * 1.9]], colour);
  if (style.hat === 'cap') return path(`M${num(x - r)} ${num(headY - r * 0.1)}A${num(r)} ${num(r)} 0 0 1 ${num(x + r)} ${num(headY - r * 0.1)}L${num(x + r * 1.7)} ${num(headY - r * 0.1)}L${num(x + r * 1.7)} ${num(headY + r * 0.1)}L${num(x - r)} ${num(headY + r * 0.1)}Z`, colour);
  if (style.hat === 'scarf') return path(`M${num(x - r * 1.15)} ${num(headY + r * 0.5)}A${num(r * 1.15)} ${num(r * 1.2)} 0 0 1 ${num(x + r * 1.15)} ${num(headY + r * 0.5)}L${num(x + r * 1.1)} ${num(headY + r * 1.6)}L${num(x + r * 0.7)} ${num(headY + r * 0.2)}Q${num(x)} ${num(headY - r * 0.5)} ${num(x - r * 0.7)} ${num(headY + r * 0.2)}L${num(x - r * 1.1)} ${num(headY + r * 1.6)}Z`, colour);
  return '';
}

/** Someone seated, seen from behind: head and shoulders only (classrooms, audiences). */
function seatedFromBehind(rng: Rng, x: number, y: number, size: number): string {
  const shirt = rng.pick(CLOTHES);
  const hair = rng.pick(['#1f1a17', '#2b211c', '#3b2a20', '#151515']);
  const shoulders = path(`M${num(x - size)} ${num(y + size * 0.9)}Q${num(x - size)} ${num(y)} ${num(x)} ${num(y)}Q${num(x + size)} ${num(y)} ${num(x + size)} ${num(y + size * 0.9)}Z`, shirt);
  const head = circle(x, y - size * 0.35, size * 0.42, hair);
  const scarf = rng.chance(0.25) ? path(`M${num(x - size * 0.46)} ${num(y - size * 0.2)}A${num(size * 0.46)} ${num(size * 0.5)} 0 0 1 ${num(x + size * 0.46)} ${num(y - size * 0.2)}L${num(x + size * 0.5)} ${num(y + size * 0.15)}L${num(x - size * 0.5)} ${num(y + size * 0.15)}Z`, rng.pick(CLOTHES)) : '';
  return shoulders + head + scarf;
}

// ---------------------------------------------------------------- objects

/** A filled grain sack lying down, centred at (x, y). */
function sack(x: number, y: number, w: number, h: number, colour: string, band: string | null): string {
  const body = rect(x - w / 2, y - h / 2, w, h, colour, `rx="${num(h * 0.42)}"`);
  const seam = line(x - w * 0.36, y - h * 0.05, x + w * 0.36, y - h * 0.05, '#00000022', 1.5);
  const stripe = band ? rect(x - w * 0.08, y - h / 2 + 2, w * 0.16, h - 4, band) : '';
  const ears = circle(x - w / 2 + 3, y - h * 0.35, h * 0.12, colour) + circle(x + w / 2 - 3, y - h * 0.35, h * 0.12, colour);
  return ears + body + stripe + seam;
}

/** A stack of sacks like a pyramid, bottom row centred at (x, baseY). */
function sackPile(rng: Rng, x: number, baseY: number, rows: number, w: number, h: number, colours: readonly string[], band: string | null): string {
  let out = '';
  for (let row = 0; row < rows; row++) {
    const count = rows - row + 1;
    for (let i = 0; i < count; i++) {
      const sx = x + (i - (count - 1) / 2) * w * 0.96 + rng.range(-3, 3);
      const sy = baseY - h / 2 - row * h * 0.82;
      out += sack(sx, sy, w, h, rng.pick(colours), band);
    }
  }
  return out;
}

function house(x: number, baseY: number, w: number, h: number, wall: string, roof: string, door: string): string {
  const walls = rect(x, baseY - h, w, h, wall);
  const roofShape = polygon([[x - w * 0.1, baseY - h], [x + w / 2, baseY - h - h * 0.6], [x + w * 1.1, baseY - h]], roof);
  const doorway = rect(x + w * 0.4, baseY - h * 0.6, w * 0.2, h * 0.6, door);
  const window = rect(x + w * 0.12, baseY - h * 0.7, w * 0.18, h * 0.25, '#fdf0c8') + rect(x + w * 0.7, baseY - h * 0.7, w * 0.18, h * 0.25, '#fdf0c8');
  return walls + roofShape + doorway + window;
}

/** A row of small round produce (tomatoes, oranges, onions) heaped on a table top. */
function producePile(rng: Rng, x: number, y: number, width: number, colour: string, size: number): string {
  let out = '';
  const rows = 3;
  for (let row = 0; row < rows; row++) {
    const count = Math.max(1, Math.floor((width / (size * 2)) * (1 - row * 0.3)));
    for (let i = 0; i < count; i++) {
      const px = x + (i - (count - 1) / 2) * size * 2 + rng.range(-1, 1);
      out += circle(px, y - size - row * size * 1.5, size, colour) + circle(px - size * 0.35, y - size * 1.3 - row * size * 1.5, size * 0.3, '#ffffff', 'opacity="0.35"');
    }
  }
  return out;
}

function boat(x: number, waterY: number, length: number, hull: string, trim: string, withSail: boolean, sail: string): string {
  const h = length * 0.18;
  const body = path(`M${num(x - length / 2)} ${num(waterY - h)}L${num(x + length / 2)} ${num(waterY - h)}Q${num(x + length * 0.42)} ${num(waterY + h * 0.3)} ${num(x + length * 0.3)} ${num(waterY + h * 0.3)}L${num(x - length * 0.35)} ${num(waterY + h * 0.3)}Q${num(x - length * 0.46)} ${num(waterY)} ${num(x - length / 2)} ${num(waterY - h)}Z`, hull);
  const stripe = rect(x - length * 0.46, waterY - h * 0.75, length * 0.9, h * 0.22, trim);
  if (!withSail) {
    const cabin = rect(x - length * 0.1, waterY - h * 2.2, length * 0.28, h * 1.25, '#f1faee') + rect(x - length * 0.05, waterY - h * 1.9, length * 0.07, h * 0.45, '#457b9d') + rect(x + length * 0.06, waterY - h * 1.9, length * 0.07, h * 0.45, '#457b9d');
    return cabin + body + stripe;
  }
  const mast = line(x, waterY - h, x, waterY - length * 0.95, '#5b4636', length * 0.018);
  const sailShape = polygon([[x + 3, waterY - length * 0.92], [x + length * 0.4, waterY - h * 1.6], [x + 3, waterY - h * 1.6]], sail);
  return mast + sailShape + body + stripe;
}

function waves(rng: Rng, top: number, bottom: number, colour: string, count: number): string {
  let d = '';
  for (let i = 0; i < count; i++) {
    const y = rng.range(top, bottom);
    const depth = (y - top) / Math.max(1, bottom - top);
    const x = rng.range(-20, W);
    const w = 18 + depth * 40;
    d += `M${num(x)} ${num(y)}q${num(w / 4)} ${num(-w / 6)} ${num(w / 2)} 0q${num(w / 4)} ${num(w / 6)} ${num(w / 2)} 0`;
  }
  return stroke(d, colour, 2.2, 'opacity="0.6"');
}

// ======================================================================
// The twelve motifs
// ======================================================================

/** Terraced paddies with young rice, palms on the ridge and a planter in a conical hat. */
function riceField(scene: Scene): string {
  const { rng, palette } = scene;
  const g = palette.green;
  let out = sky(scene);
  out += hillLayers(scene, [
    { y: 250, amplitude: 60, colour: hsl(215 + palette.shift, 22, 70) },
    { y: 300, amplitude: 40, colour: hsl(g + 20, 30, 52) },
  ]);
  const ridgeTop = ridgeFunction(rng, 340, 18);
  out += ridge(ridgeTop, hsl(g, 42, 38));
  for (let i = 0; i < 7; i++) {
    const x = rng.range(0, W);
    out += palmTree(rng, x, ridgeTop(x) + 8, rng.range(90, 150), hsl(g + 5, 45, 28), '#6d5a45');
  }
  // Terrace edges get further apart towards the viewer.
  const edges = [350, 382, 425, 482, 556, 648, 760];
  const curves = edges.map((y, i) => {
    const amplitude = 6 + i * 5;
    const phase = rng.range(0, Math.PI * 2);
    const frequency = rng.range(0.004, 0.008);
    return (x: number) => y + amplitude * Math.sin(x * frequency + phase);
  });
  for (let i = 0; i < curves.length - 1; i++) {
    const top = curves[i]!;
    const bottom = curves[i + 1]!;
    const flooded = (i + rng.int(0, 1)) % 2 === 0;
    const points: Point[] = [];
    for (let x = -20; x <= W + 20; x += 24) points.push([x, top(x)]);
    for (let x = W + 20; x >= -20; x -= 24) points.push([x, bottom(x)]);
    const fill = flooded ? gradient(scene, [[0, hsl(185 + palette.shift, 35, 78)], [1, hsl(g + 10, 40, 58)]]) : hsl(g + rng.range(-8, 8), 58, 44 + i * 2);
    out += polygon(points, fill);
    out += riceRows(rng, top, bottom, i, flooded ? hsl(g, 55, 36) : hsl(g - 10, 60, 30));
    const bund: Point[] = [];
    for (let x = -20; x <= W + 20; x += 24) bund.push([x, bottom(x)]);
    out += stroke(polyPath(bund), hsl(40, 30, 40), 3 + i * 1.6);
  }
  const farmerX = rng.range(260, 940);
  out += person(farmerX, curves[5]!(farmerX) - 20, 150, randomPerson(rng, { hat: 'conical', lean: rng.pick([28, -28]), dress: false }));
  if (rng.chance(0.7)) {
    const x = rng.range(100, 1100);
    out += person(x, curves[3]!(x) - 6, 70, randomPerson(rng, { hat: 'conical', lean: rng.pick([25, -25]) }));
  }
  return out + birds(rng, rng.int(2, 6));
}

/** Little tufts of rice in rows within one terrace band. */
function riceRows(rng: Rng, top: (x: number) => number, bottom: (x: number) => number, depth: number, colour: string): string {
  const rows = 2 + Math.floor(depth / 2);
  const size = 5 + depth * 3.2;
  const spacing = 14 + depth * 10;
  let d = '';
  for (let r = 0; r < rows; r++) {
    const offset = rng.range(0, spacing);
    for (let x = offset; x < W + 10; x += spacing) {
      const t = (r + 0.7) / (rows + 0.4);
      const y = top(x) + (bottom(x) - top(x)) * t;
      d += `M${num(x)} ${num(y)}l${num(-size * 0.45)} ${num(-size)}M${num(x)} ${num(y)}l0 ${num(-size * 1.2)}M${num(x)} ${num(y)}l${num(size * 0.45)} ${num(-size)}`;
    }
  }
  return stroke(d, colour, 1.2 + depth * 0.5);
}

/** Juncao grass growing tall behind mushroom substrate bags sprouting mushrooms. */
function mushroomGrass(scene: Scene): string {
  const { rng, palette } = scene;
  const g = palette.green + 5;
  let out = sky(scene);
  out += hillLayers(scene, [
    { y: 290, amplitude: 50, colour: hsl(200 + palette.shift, 20, 72) },
    { y: 340, amplitude: 30, colour: hsl(g + 15, 32, 55) },
  ]);
  out += rect(0, 370, W, H - 370, hsl(g, 40, 44));
  // Rows of tall grass, back to front.
  const grassColours = [hsl(g, 55, 38), hsl(g + 8, 50, 45), hsl(g - 12, 55, 32), hsl(g + 20, 45, 50)];
  for (let row = 0; row < 4; row++) {
    const y = 390 + row * 45;
    const size = 70 + row * 45;
    for (let x = rng.range(-20, 30); x < W + 40; x += size * 0.55) out += grassClump(rng, x + rng.range(-10, 10), y, size * rng.range(0.85, 1.1), grassColours, 9 + row);
  }
  // A low bench of substrate bags in front, mushrooms fruiting from their tops.
  out += rect(0, 580, W, H - 580, hsl(30, 35, 35)) + rect(0, 574, W, 12, hsl(30, 30, 48));
  const bagColour = hsl(40 + palette.shift, 30, 90);
  const capHue = rng.pick([28, 35, 40, 20]);
  const bags = rng.int(4, 6);
  for (let i = 0; i < bags; i++) {
    const x = 90 + (i + 0.5) * ((W - 180) / bags) + rng.range(-20, 20);
    out += substrateBag(x, 580, bagColour);
    out += mushroomCluster(rng, x, 580 - 118, rng.int(3, 4), hsl(capHue + rng.range(-6, 6), 55, rng.range(42, 62)));
  }
  return out + birds(rng, rng.int(1, 3));
}

/** An upright plastic bag of grass-based substrate with a tied neck. */
function substrateBag(x: number, baseY: number, colour: string): string {
  const body = rect(x - 52, baseY - 122, 104, 122, colour, 'rx="26"');
  const shine = rect(x - 38, baseY - 108, 9, 70, '#ffffff', 'opacity="0.7" rx="4"');
  const shade = rect(x + 22, baseY - 112, 24, 104, '#00000010', 'rx="12"');
  const speckles = [0.3, 0.55, 0.8].map((t, i) => circle(x - 10 + i * 14, baseY - 122 * t, 3, '#cdb98f')).join('');
  return body + shine + shade + speckles;
}

function mushroomCluster(rng: Rng, x: number, y: number, count: number, capColour: string): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    const mx = x + (i - (count - 1) / 2) * 30 + rng.range(-5, 5);
    const size = rng.range(22, 34);
    const stemTop = y - size * rng.range(0.5, 1.1);
    const tilt = (i - (count - 1) / 2) * 12;
    const stem = rect(mx - size * 0.17, stemTop, size * 0.34, y - stemTop + 12, '#f1e6cc', `rx="${num(size * 0.12)}" stroke="#d6c39c" stroke-width="1.5"`);
    const cap = path(`M${num(mx - size)} ${num(stemTop + 3)}A${num(size)} ${num(size * 0.72)} 0 0 1 ${num(mx + size)} ${num(stemTop + 3)}Z`, capColour);
    const rim = ellipse(mx, stemTop + 3, size, size * 0.14, '#e9d8b4');
    const shine = ellipse(mx - size * 0.35, stemTop - size * 0.35, size * 0.25, size * 0.1, '#ffffff', 'opacity="0.3"');
    out += group(stem + rim + cap + shine, `transform="rotate(${num(tilt)} ${num(mx)} ${num(y)})"`);
  }
  return out;
}

/** Red-soil field in perspective with palmate cassava plants and a basket of roots. */
function cassava(scene: Scene): string {
  const { rng, palette } = scene;
  const g = palette.green;
  const horizon = 360;
  let out = sky(scene);
  out += hillLayers(scene, [
    { y: 300, amplitude: 45, colour: hsl(205 + palette.shift, 18, 70) },
    { y: horizon - 8, amplitude: 18, colour: hsl(g + 10, 35, 42) },
  ]);
  const soil = hsl(16 + palette.shift / 2, 48, 42);
  out += rect(0, horizon, W, H - horizon, soil);
  const vanishX = rng.range(450, 750);
  const vanishY = horizon - 120;
  const rows = 14;
  const bottomX = (i: number) => -900 + (i / rows) * 3000;
  const atY = (i: number, y: number) => vanishX + (bottomX(i) - vanishX) * ((y - vanishY) / (H - vanishY));
  // Lighter mounded ridges between darker furrows.
  for (let i = 0; i < rows; i += 1) {
    out += polygon([[atY(i, horizon), horizon], [atY(i + 0.45, horizon), horizon], [bottomX(i + 0.45), H], [bottomX(i), H]], hsl(20 + palette.shift / 2, 45, 50));
  }
  // Plants along the ridges, far ones first so near ones overlap them.
  const plants: { x: number; y: number; scale: number }[] = [];
  for (let i = 0; i < rows; i++) {
    for (let t = 0.06; t < 1.05; t += 0.16) {
      const y = horizon + (H - horizon) * t * t + 10;
      const x = atY(i + 0.22, y);
      if (x > -60 && x < W + 60) plants.push({ x, y, scale: (y - vanishY) / (H - vanishY) });
    }
  }
  plants.sort((a, b) => a.y - b.y);
  const basketX = rng.pick([180, 1000]);
  for (const p of plants) {
    if (Math.abs(p.x - basketX) < 160 && p.y > 560) continue;
    out += cassavaPlant(rng, p.x, p.y, 200 * p.scale, g);
  }
  out += rootBasket(rng, basketX, 640);
  return out;
}

function cassavaPlant(rng: Rng, x: number, y: number, height: number, hue: number): string {
  const stemColour = hsl(rng.range(0, 20), 30, 45);
  const leafColour = hsl(hue + rng.range(-8, 8), 55, rng.range(28, 38));
  const stems = rng.int(2, 3);
  let out = '';
  for (let i = 0; i < stems; i++) {
    const tipX = x + (i - (stems - 1) / 2) * height * 0.28 + rng.range(-0.05, 0.05) * height;
    const tipY = y - height * rng.range(0.75, 1);
    out += stroke(`M${num(x)} ${num(y)}Q${num(x)} ${num(tipY + height * 0.3)} ${num(tipX)} ${num(tipY)}`, stemColour, Math.max(1, height * 0.025));
    const leaves = rng.int(2, 3);
    for (let k = 0; k < leaves; k++) {
      out += palmateLeaf(tipX + rng.range(-0.1, 0.1) * height, tipY + k * height * 0.12, height * rng.range(0.22, 0.3), rng.range(-110, -70) + (k - 1) * 50, rng.pick([5, 7]), leafColour);
    }
  }
  return out;
}

function rootBasket(rng: Rng, x: number, y: number): string {
  let roots = '';
  for (let i = 0; i < 9; i++) {
    const rx = x + rng.range(-75, 75);
    const ry = y - 72 - rng.range(0, 28);
    const angle = rng.range(-35, 35);
    roots += ellipse(0, 0, rng.range(34, 48), 11, hsl(25, 45, rng.range(30, 40)), `transform="translate(${num(rx)} ${num(ry)}) rotate(${num(angle)})"`);
    roots += ellipse(0, 0, 4, 8, '#f3e3c3', `transform="translate(${num(rx + Math.cos((angle * Math.PI) / 180) * 36)} ${num(ry + Math.sin((angle * Math.PI) / 180) * 36)}) rotate(${num(angle)})"`);
  }
  const weave = [0.25, 0.5, 0.75].map((t) => line(x - 95 + t * 12, y - 70 + t * 70, x + 95 - t * 12, y - 70 + t * 70, '#8a6233', 3)).join('');
  return roots + polygon([[x - 100, y - 72], [x + 100, y - 72], [x + 80, y], [x - 80, y]], '#b5853f') + weave;
}

/** Metal silos, a storage shed and a stack of grain sacks on pallets. */
function grainStorage(scene: Scene): string {
  const { rng, palette } = scene;
  const ground = 520;
  let out = sky(scene);
  out += hillLayers(scene, [{ y: 400, amplitude: 40, colour: hsl(palette.green + 15, 25, 62) }]);
  out += ridge(ridgeFunction(rng, 470, 12), hsl(45 + palette.shift, 60, 62));
  out += rect(0, ground, W, H - ground, hsl(38, 30, 58));
  const siloCount = rng.int(2, 4);
  const startX = rng.range(520, 640);
  for (let i = 0; i < siloCount; i++) {
    const w = rng.range(110, 140);
    out += silo(scene, startX + i * (w + 18), ground, w, rng.range(230, 290));
  }
  out += shed(scene, rng.range(40, 90), ground, 380, 170);
  // Sacks on a pallet in the foreground.
  const pileX = rng.pick([300, 880]);
  out += rect(pileX - 230, 640, 460, 16, '#8d6e4a') + rect(pileX - 230, 656, 460, 10, '#6d5238');
  const jute = [hsl(36, 45, 62), hsl(32, 40, 56), hsl(40, 50, 66)];
  out += sackPile(rng, pileX, 640, 4, 95, 52, jute, rng.chance(0.5) ? hsl(rng.pick([0, 120, 210]), 55, 45) : null);
  return out + birds(rng, rng.int(1, 4));
}

function silo(scene: Scene, x: number, baseY: number, w: number, h: number): string {
  const metal = gradient(scene, [[0, '#9aa5b1'], [0.35, '#e6ebf0'], [0.7, '#b8c2cc'], [1, '#7d8894']], 'right');
  const body = rect(x, baseY - h, w, h, metal);
  let ribs = '';
  for (let y = baseY - h + 22; y < baseY; y += 22) ribs += line(x, y, x + w, y, '#6b7580', 1.2);
  const roof = polygon([[x - 6, baseY - h], [x + w / 2, baseY - h - w * 0.38], [x + w + 6, baseY - h]], '#8c96a1');
  const ladder = rect(x + w * 0.75, baseY - h, 6, h, '#59636e');
  return body + ribs + roof + ladder + rect(x - 4, baseY - 12, w + 8, 12, '#7a7f85');
}

function shed(scene: Scene, x: number, baseY: number, w: number, h: number): string {
  const wall = hsl(12 + scene.palette.shift, 45, 50);
  const walls = rect(x, baseY - h, w, h, wall);
  const roof = polygon([[x - 16, baseY - h], [x + w / 2, baseY - h - 70], [x + w + 16, baseY - h]], '#a7b0b8');
  let corrugation = '';
  for (let i = 1; i < 12; i++) corrugation += line(x - 16 + (i / 12) * (w + 32), baseY - h, x + w / 2, baseY - h - 70, '#8a939c', 1.2);
  const doorway = rect(x + w * 0.3, baseY - h * 0.72, w * 0.4, h * 0.72, '#3b3b3b') + rect(x + w * 0.3, baseY - h * 0.72, w * 0.4, 8, '#555');
  return walls + roof + corrugation + doorway;
}

/** A flour mill with its elevator tower, a windmill on the hill, wheat and white flour sacks. */
function flourMill(scene: Scene): string {
  const { rng, palette } = scene;
  const ground = 500;
  let out = sky(scene);
  const hill = ridgeFunction(rng, 420, 40);
  out += ridge(hill, hsl(palette.green + 20, 30, 60));
  const windmillX = rng.range(80, 300);
  out += windmill(rng, windmillX, hill(windmillX) + 10, 150);
  out += rect(0, ground, W, H - ground, hsl(44 + palette.shift, 55, 60));
  // The mill: a main hall and a taller tower linked by a conveyor.
  const millX = rng.range(480, 620);
  const wall = hsl(rng.pick([30, 200, 10]) + palette.shift, 20, 86);
  out += rect(millX, ground - 200, 300, 200, wall) + polygon([[millX - 14, ground - 200], [millX + 150, ground - 280], [millX + 314, ground - 200]], hsl(5, 45, 45));
  out += windowGrid(millX + 26, ground - 170, 4, 2, 46, 40, 22, '#5b7d99');
  out += rect(millX + 120, ground - 80, 60, 80, '#6b5a4a');
  out += rect(millX + 330, ground - 340, 90, 340, wall) + rect(millX + 320, ground - 372, 110, 36, hsl(5, 45, 45));
  out += windowGrid(millX + 350, ground - 310, 1, 5, 0, 54, 50, '#5b7d99');
  out += polygon([[millX + 280, ground - 200], [millX + 330, ground - 300], [millX + 342, ground - 292], [millX + 292, ground - 192]], '#8a8f96');
  // Wheat in the foreground.
  let wheat = '';
  for (let x = 10; x < W; x += rng.range(14, 22)) wheat += wheatStalk(rng, x, H + 5, rng.range(110, 170));
  out += wheat;
  const pileX = rng.pick([260, 980]);
  out += sackPile(rng, pileX, 640, 3, 90, 50, ['#f7f4ec', '#efe9dc', '#fbf8f1'], hsl(rng.pick([0, 210, 140]), 60, 45));
  return out + birds(rng, rng.int(2, 5));
}

function windowGrid(x: number, y: number, columns: number, rows: number, dx: number, dy: number, size: number, colour: string): string {
  let out = '';
  for (let c = 0; c < columns; c++) for (let r = 0; r < rows; r++) out += rect(x + c * (dx + size), y + r * dy, size, size * 1.1, colour);
  return out;
}

function windmill(rng: Rng, x: number, baseY: number, height: number): string {
  const body = polygon([[x - height * 0.16, baseY], [x + height * 0.16, baseY], [x + height * 0.09, baseY - height], [x - height * 0.09, baseY - height]], '#efe6d6');
  const cap = polygon([[x - height * 0.13, baseY - height], [x, baseY - height * 1.18], [x + height * 0.13, baseY - height]], '#8c5a3c');
  const hubY = baseY - height * 1.02;
  const turn = rng.range(0, 90);
  let sails = '';
  for (let i = 0; i < 4; i++) sails += rect(-height * 0.05, 0, height * 0.1, height * 0.62, '#f8f4ea', `transform="rotate(${num(turn + i * 90)})" stroke="#8c7a66" stroke-width="2"`);
  return body + cap + group(sails, translate(x, hubY)) + circle(x, hubY, height * 0.04, '#5a4636');
}

function wheatStalk(rng: Rng, x: number, y: number, height: number): string {
  const lean = rng.range(-18, 18);
  const tipX = x + lean;
  const tipY = y - height;
  const colour = hsl(rng.range(38, 48), 65, rng.range(50, 62));
  let grains = '';
  for (let i = 0; i < 6; i++) {
    const gy = tipY + i * 7;
    grains += ellipse(tipX - 3.5, gy, 3, 6, colour, `transform="rotate(-25 ${num(tipX - 3.5)} ${num(gy)})"`) + ellipse(tipX + 3.5, gy, 3, 6, colour, `transform="rotate(25 ${num(tipX + 3.5)} ${num(gy)})"`);
  }
  return stroke(`M${num(x)} ${num(y)}Q${num(x + lean * 0.2)} ${num(y - height * 0.5)} ${num(tipX)} ${num(tipY + 40)}`, hsl(42, 50, 48), 2) + grains;
}

/** A flooded plain with a house on stilts, a levee of sandbags, a warning mast and a boat. */
function floodResilience(scene: Scene): string {
  const { rng, palette } = scene;
  const afterStorm = rng.chance(0.5);
  const water = 450;
  let out = sky(scene, afterStorm ? { clouds: 3 } : { top: hsl(212, 18, 55), bottom: hsl(205, 15, 80), clouds: 0, sunY: -200 });
  if (afterStorm) out += rainbow(rng);
  out += hillLayers(scene, [{ y: 380, amplitude: 40, colour: hsl(palette.green + 20, 22, 55) }]);
  out += ridge(ridgeFunction(rng, 440, 10), hsl(palette.green, 35, 40));
  out += rect(0, water, W, H - water, gradient(scene, [[0, hsl(195 + palette.shift, 35, 62)], [1, hsl(200 + palette.shift, 45, 35)]]));
  out += waves(rng, water + 10, H, '#e8f4f8', 50);
  // Trees standing in water.
  for (let i = 0; i < 4; i++) {
    const x = rng.range(30, 1170);
    out += roundTree(rng, x, water + rng.range(5, 30), rng.range(45, 70), hsl(palette.green + rng.range(-10, 10), 40, 33), '#5a4332');
  }
  // House on stilts with a ladder.
  const houseX = rng.range(520, 760);
  const floorY = 380;
  for (let i = 0; i < 5; i++) out += rect(houseX + i * 55, floorY, 10, 160, '#6b4f36');
  out += rect(houseX - 15, floorY - 8, 250, 14, '#7c5b3e');
  out += house(houseX, floorY - 8, 220, 120, hsl(35 + palette.shift, 40, 75), hsl(8, 50, 42), '#5a4230');
  for (let r = 0; r < 6; r++) out += line(houseX - 40, floorY + 20 + r * 22, houseX - 15, floorY + 12 + r * 22, '#6b4f36', 4);
  // Sandbag levee on the left and an early-warning mast.
  out += polygon([[-20, 470], [300, 470], [380, H], [-20, H]], hsl(palette.green, 32, 38)) + polygon([[-20, 466], [300, 466], [306, 480], [-20, 480]], hsl(30, 30, 45));
  out += polygon([[300, 470], [380, H], [372, H], [295, 478]], hsl(palette.green, 30, 30));
  for (let row = 0; row < 2; row++) for (let i = 0; i < 6 - row; i++) out += sack(26 + i * 52 + row * 26, 458 - row * 24, 54, 28, hsl(40, 30, 62 + rng.range(-5, 5)), null);
  const mastX = rng.range(900, 1100);
  out += rect(mastX - 4, 250, 8, 300, '#70757c') + polygon([[mastX, 255], [mastX + 60, 270], [mastX, 285]], hsl(rng.pick([0, 25]), 80, 52)) + circle(mastX, 245, 14, '#e63946');
  out += boat(rng.range(560, 860), 630, 200, hsl(rng.pick([0, 20, 45, 130]), 55, 45), '#f1faee', false, '');
  return afterStorm ? out : out + rain(rng, 160, '#eef3f7');
}

function rainbow(rng: Rng): string {
  const cx = rng.range(300, 900);
  const colours = ['#e63946', '#f4a261', '#e9c46a', '#2a9d8f', '#457b9d', '#6d597a'];
  return group(colours.map((c, i) => stroke(`M${num(cx - 420 + i * 12)} 460A${num(420 - i * 12)} ${num(330 - i * 12)} 0 0 1 ${num(cx + 420 - i * 12)} 460`, c, 12)).join(''), 'opacity="0.45"');
}

/** A street market: striped awnings, heaps of produce, bunting and shoppers. */
function market(scene: Scene): string {
  const { rng, palette } = scene;
  const ground = 560;
  let out = sky(scene, { clouds: rng.int(1, 3) });
  // Colourful shop fronts behind the stalls.
  let x = -20;
  while (x < W) {
    const w = rng.range(130, 200);
    const h = rng.range(170, 290);
    out += rect(x, ground - 80 - h, w, h + 80, hsl(rng.range(0, 360), 45, rng.range(70, 82)));
    out += windowGrid(x + 20, ground - 60 - h, Math.floor((w - 20) / 55), 2, 25, 70, 30, '#5d6d7e');
    x += w;
  }
  out += rect(0, ground, W, H - ground, hsl(30 + palette.shift, 20, 55));
  out += bunting(rng, 40, palette.shift);
  const stalls = rng.int(3, 4);
  for (let i = 0; i < stalls; i++) {
    const sx = 30 + i * (W / stalls) + rng.range(-10, 10);
    out += stall(rng, sx, ground + 20, W / stalls - 60);
  }
  // Shoppers in front of the stalls.
  const people = rng.int(4, 6);
  for (let i = 0; i < people; i++) {
    const px = (i + 0.5) * (W / people) + rng.range(-40, 40);
    out += person(px, H - rng.range(5, 30), rng.range(170, 215), randomPerson(rng, { basket: false, hat: rng.pick([undefined, 'cap', 'scarf'] as const), hatColour: rng.pick(CLOTHES) }));
  }
  return out;
}

function bunting(rng: Rng, y: number, shift: number): string {
  let out = stroke(`M0 ${num(y)}Q${num(W / 2)} ${num(y + 70)} ${W} ${num(y)}`, '#555', 2);
  for (let i = 0; i < 24; i++) {
    const t = (i + 0.5) / 24;
    const fx = t * W;
    const fy = y + 140 * t * (1 - t); // the rope's quadratic curve at t
    out += polygon([[fx - 16, fy], [fx + 16, fy], [fx, fy + 30]], hsl(rng.range(0, 360) + shift, 70, 55));
  }
  return out;
}

function stall(rng: Rng, x: number, baseY: number, width: number): string {
  const top = baseY - 250;
  const awningColour = hsl(rng.pick([0, 200, 120, 30, 280]), 65, 50);
  let awning = '';
  const stripes = 8;
  for (let i = 0; i < stripes; i++) {
    const sx = x - 10 + (i / stripes) * (width + 20);
    awning += polygon([[sx, top], [sx + (width + 20) / stripes, top], [sx + (width + 20) / stripes, top + 50], [sx, top + 50]], i % 2 === 0 ? awningColour : '#fdfdfd');
    awning += path(`M${num(sx)} ${num(top + 50)}a${num((width + 20) / stripes / 2)} 14 0 0 0 ${num((width + 20) / stripes)} 0Z`, i % 2 === 0 ? awningColour : '#fdfdfd');
  }
  const poles = rect(x, top + 40, 8, baseY - top - 40, '#6d4c41') + rect(x + width - 8, top + 40, 8, baseY - top - 40, '#6d4c41');
  const table = rect(x - 6, baseY - 110, width + 12, 16, '#8d6e63') + rect(x, baseY - 94, width, 70, '#a1887f');
  const produce = ['#e63946', '#f4a261', '#f6bd60', '#6a994e', '#9d4edd', '#bc6c25'];
  let goods = '';
  const heaps = 3;
  for (let i = 0; i < heaps; i++) {
    const hx = x + (i + 0.5) * (width / heaps);
    goods += producePile(rng, hx, baseY - 110, width / heaps - 14, rng.pick(produce), rng.range(8, 12));
  }
  return poles + awning + table + goods;
}

/** A classroom seen from the back: chalkboard with drawings, a window and pupils at desks. */
function classroom(scene: Scene): string {
  const { rng, palette } = scene;
  const wallHue = rng.pick([40, 80, 190, 30]) + palette.shift;
  let out = rect(0, 0, W, H, hsl(wallHue, 35, 82));
  out += rect(0, 0, W, 60, hsl(wallHue, 30, 74));
  out += rect(0, 470, W, H - 470, hsl(28, 35, 52));
  for (let x = 0; x < W; x += 80) out += line(x, 470, x - 60 + (x - 600) * 0.6, H, '#00000018', 2);
  // Chalkboard with a plant sketch, a bar chart and some circles.
  const boardX = rng.range(260, 420);
  const boardW = 520;
  out += rect(boardX - 14, 96, boardW + 28, 290, '#8d6e4a') + rect(boardX, 110, boardW, 262, hsl(150 + rng.range(-10, 10), 30, 24));
  out += chalkDrawing(rng, boardX, 110, boardW, 262);
  // A window with sky and a tree behind it.
  const windowX = boardX + boardW + 80 < W - 220 ? rng.range(boardX + boardW + 70, W - 230) : 40;
  out += rect(windowX - 10, 110, 210, 220, '#f5f5f0') + rect(windowX, 120, 190, 200, palette.skyTop);
  out += rect(windowX, 250, 190, 70, hsl(palette.green, 45, 55)) + roundTree(rng, windowX + 120, 280, 70, hsl(palette.green, 45, 35), '#6d4c41');
  out += rect(windowX + 92, 120, 6, 200, '#f5f5f0') + rect(windowX, 218, 190, 6, '#f5f5f0');
  // Teacher beside the board.
  out += person(boardX + boardW + 40, 470, 230, randomPerson(rng, { armUp: true, hat: rng.chance(0.3) ? 'scarf' : undefined, hatColour: rng.pick(CLOTHES) }));
  // Desks and pupils, smaller further away.
  const rows = [
    { y: 500, size: 34, desk: 40 },
    { y: 575, size: 44, desk: 52 },
    { y: 665, size: 56, desk: 64 },
  ];
  for (const row of rows) {
    const count = Math.floor(W / (row.size * 4));
    for (let i = 0; i < count; i++) {
      const px = (i + 0.5) * (W / count) + rng.range(-6, 6);
      if (rng.chance(0.12)) continue;
      out += seatedFromBehind(rng, px, row.y - row.size * 0.6, row.size);
      out += rect(px - row.size * 1.5, row.y + row.size * 0.3, row.size * 3, row.desk * 0.35, '#a47148');
    }
  }
  return out;
}

function chalkDrawing(rng: Rng, x: number, y: number, w: number, h: number): string {
  const chalk = '#eef2ec';
  let d = '';
  // A sprouting plant with roots.
  const px = x + w * 0.18;
  const py = y + h * 0.62;
  d += `M${num(x + 30)} ${num(py)}L${num(x + w * 0.34)} ${num(py)}`;
  d += `M${num(px)} ${num(py)}L${num(px)} ${num(py - 90)}`;
  d += `M${num(px)} ${num(py - 40)}q-40 -10 -50 -40q40 0 50 40M${num(px)} ${num(py - 65)}q40 -10 50 -40q-40 0 -50 40`;
  d += `M${num(px)} ${num(py)}l-14 30M${num(px)} ${num(py)}l0 36M${num(px)} ${num(py)}l14 30`;
  // A bar chart with axes.
  const cx = x + w * 0.45;
  const cy = y + h * 0.8;
  d += `M${num(cx)} ${num(y + 40)}L${num(cx)} ${num(cy)}L${num(cx + 170)} ${num(cy)}`;
  let bars = '';
  for (let i = 0; i < 4; i++) {
    const bh = rng.range(40, 150);
    bars += rect(cx + 16 + i * 38, cy - bh, 24, bh, 'none', `stroke="${chalk}" stroke-width="3"`);
  }
  // A circle diagram on the right.
  const ox = x + w * 0.86;
  const oy = y + h * 0.4;
  d += `M${num(ox)} ${num(oy)}L${num(ox)} ${num(oy - 45)}M${num(ox)} ${num(oy)}L${num(ox + 40)} ${num(oy + 20)}`;
  return stroke(d, chalk, 3, 'opacity="0.9"') + bars + circle(ox, oy, 45, 'none', `stroke="${chalk}" stroke-width="3" opacity="0.9"`);
}

/** A conference hall: banner, projection screen with charts, a speaker at the podium and an audience. */
function seminar(scene: Scene): string {
  const { rng, palette } = scene;
  const accent = hsl(rng.pick([205, 15, 160, 45]) + palette.shift, 65, 45);
  let out = rect(0, 0, W, H, gradient(scene, [[0, hsl(220, 20, 30)], [1, hsl(225, 22, 18)]]));
  // Ceiling lights.
  for (let i = 0; i < 6; i++) out += ellipse(100 + i * 200, 30, 50, 10, '#fff6d5', 'opacity="0.8"') + polygon([[70 + i * 200, 34], [130 + i * 200, 34], [180 + i * 200, 200], [20 + i * 200, 200]], '#fff6d5', 'opacity="0.05"');
  // Stage and banner.
  out += rect(0, 420, W, 40, hsl(25, 40, 35)) + rect(0, 415, W, 8, hsl(25, 40, 45));
  out += rect(80, 62, W - 160, 26, accent) + rect(80, 88, W - 160, 6, '#ffffff', 'opacity="0.7"');
  // The screen with a slide.
  const screenX = rng.range(300, 470);
  out += rect(screenX - 8, 112, 468, 276, '#222') + rect(screenX, 120, 452, 260, '#fbfbfb');
  out += slide(rng, screenX, 120, 452, 260, accent);
  // Speaker at a podium.
  const podiumX = screenX > 400 ? rng.range(150, 230) : rng.range(980, 1060);
  out += person(podiumX - 60, 420, 190, randomPerson(rng, { armUp: rng.chance(0.6), dress: false }));
  out += polygon([[podiumX - 40, 420], [podiumX + 80, 420], [podiumX + 70, 300], [podiumX - 30, 300]], hsl(25, 35, 40)) + rect(podiumX - 35, 292, 110, 14, hsl(25, 35, 48)) + rect(podiumX - 10, 340, 60, 8, accent);
  out += plantPot(rng, 40, 420, palette.green) + plantPot(rng, W - 40, 420, palette.green);
  // The audience in rows, closer rows larger and lower.
  out += rect(0, 460, W, H - 460, hsl(220, 18, 24));
  const rows = [
    { y: 500, size: 22 },
    { y: 550, size: 28 },
    { y: 610, size: 35 },
    { y: 680, size: 44 },
  ];
  for (const row of rows) {
    const count = Math.floor(W / (row.size * 2.6));
    const offset = rng.range(0, row.size);
    for (let i = 0; i < count; i++) out += seatedFromBehind(rng, offset + (i + 0.5) * (W / count), row.y, row.size);
  }
  return out;
}

function slide(rng: Rng, x: number, y: number, w: number, h: number, accent: string): string {
  let out = rect(x, y, w, 34, accent) + rect(x + 20, y + 50, w * 0.4, 10, '#c9ced6') + rect(x + 20, y + 68, w * 0.3, 10, '#c9ced6');
  // A line chart on the left and a pie on the right.
  const points: Point[] = [];
  let level = rng.range(150, 190);
  for (let i = 0; i < 7; i++) {
    points.push([x + 30 + i * 36, y + level]);
    level -= rng.range(0, 25);
  }
  out += line(x + 24, y + 100, x + 24, y + h - 30, '#9aa1ab', 2) + line(x + 24, y + h - 30, x + 260, y + h - 30, '#9aa1ab', 2);
  out += stroke(polyPath(points), accent, 4);
  for (const [px, py] of points) out += circle(px, py, 5, accent);
  const cx = x + w - 95;
  const cy = y + 150;
  const share = rng.range(0.25, 0.45);
  const angle = share * Math.PI * 2;
  out += circle(cx, cy, 62, '#d4d9e0');
  out += path(`M${num(cx)} ${num(cy)}L${num(cx)} ${num(cy - 62)}A62 62 0 ${share > 0.5 ? 1 : 0} 1 ${num(cx + 62 * Math.sin(angle))} ${num(cy - 62 * Math.cos(angle))}Z`, accent);
  return out;
}

function plantPot(rng: Rng, x: number, baseY: number, hue: number): string {
  const pot = polygon([[x - 24, baseY - 50], [x + 24, baseY - 50], [x + 18, baseY], [x - 18, baseY]], '#8d5b3a');
  return grassClump(rng, x, baseY - 48, 120, [hsl(hue, 45, 35), hsl(hue + 10, 45, 42)], 9) + pot;
}

/** Parched land: cracked mud in perspective, a bare tree, withered stalks and a water carrier. */
function drought(scene: Scene): string {
  const { rng, palette } = scene;
  const horizon = 380;
  let out = sky(scene, { top: hsl(38 + palette.shift, 55, 78), bottom: hsl(32 + palette.shift, 80, 88), clouds: 0, sunY: rng.range(110, 180) });
  out += circle(rng.range(200, 1000), 140, 160, '#fff3c4', 'opacity="0.25"');
  const hills = ridgeFunction(rng, horizon - 30, 30);
  out += ridge(hills, hsl(32, 35, 62));
  for (let i = 0; i < 3; i++) {
    const x = rng.range(60, 1140);
    out += acacia(x, hills(x) + 30, rng.range(70, 110), hsl(70, 20, 45), '#5e4634');
  }
  out += rect(0, horizon, W, H - horizon, hsl(30, 45, 52));
  out += crackedEarth(rng, horizon);
  const treeX = rng.pick([180, 960]);
  out += deadTree(rng, treeX, 560, 260);
  let stalks = '';
  for (let i = 0; i < 40; i++) {
    const x = rng.range(0, W);
    const y = rng.range(horizon + 20, H);
    const size = 8 + ((y - horizon) / (H - horizon)) * 40;
    stalks += `M${num(x)} ${num(y)}q${num(size * 0.1)} ${num(-size * 0.8)} ${num(size * 0.5)} ${num(-size * 0.6)}M${num(x)} ${num(y)}q${num(-size * 0.15)} ${num(-size * 0.6)} ${num(-size * 0.45)} ${num(-size * 0.45)}`;
  }
  out += stroke(stalks, hsl(40, 45, 35), 2.2);
  const walkerX = treeX < 600 ? rng.range(620, 900) : rng.range(300, 560);
  out += person(walkerX, 600, 190, randomPerson(rng, { hat: 'scarf', hatColour: rng.pick(CLOTHES), dress: true }));
  out += rect(walkerX + 20, 508, 34, 46, '#f2c14e', 'rx="6"') + rect(walkerX + 28, 499, 14, 11, '#3d5a80');
  return out;
}

function crackedEarth(rng: Rng, horizon: number): string {
  const rows = 9;
  const columns = 14;
  const rowY = (r: number) => horizon + (H + 40 - horizon) * Math.pow(r / rows, 1.6);
  const grid: Point[][] = [];
  for (let r = 0; r <= rows; r++) {
    const y = rowY(r);
    const height = rowY(Math.min(rows, r + 1)) - y;
    const row: Point[] = [];
    for (let c = 0; c <= columns; c++) {
      const jitter = r === 0 ? 0 : height * 0.3;
      row.push([(c / columns) * (W + 200) - 100 + rng.range(-30, 30) * (r / rows + 0.2), y + rng.range(-jitter, jitter)]);
    }
    grid.push(row);
  }
  let out = '';
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const cell = [grid[r]![c]!, grid[r]![c + 1]!, grid[r + 1]![c + 1]!, grid[r + 1]![c]!];
      const width = 1 + (r / rows) * 5;
      out += polygon(cell, hsl(rng.range(26, 36), 45, rng.range(50, 60)), `stroke="${hsl(25, 40, 30)}" stroke-width="${num(width)}" stroke-linejoin="round"`);
    }
  }
  return out;
}

function deadTree(rng: Rng, x: number, baseY: number, height: number): string {
  let d = `M${num(x)} ${num(baseY)}L${num(x + 6)} ${num(baseY - height * 0.55)}`;
  const branch = (bx: number, by: number, angle: number, length: number, depth: number): void => {
    const ex = bx + Math.cos(angle) * length;
    const ey = by + Math.sin(angle) * length;
    d += `M${num(bx)} ${num(by)}L${num(ex)} ${num(ey)}`;
    if (depth > 0) {
      branch(ex, ey, angle - rng.range(0.3, 0.6), length * 0.65, depth - 1);
      branch(ex, ey, angle + rng.range(0.3, 0.6), length * 0.6, depth - 1);
    }
  };
  branch(x + 6, baseY - height * 0.55, -Math.PI / 2 - 0.5, height * 0.3, 3);
  branch(x + 6, baseY - height * 0.55, -Math.PI / 2 + 0.45, height * 0.32, 3);
  return stroke(d, '#4a3728', 7) + ellipse(x, baseY, 70, 10, '#00000022');
}

/** A fishing shore: sea to the horizon, boats, a pier with a fisher casting a net. */
function fishing(scene: Scene): string {
  const { rng, palette } = scene;
  const horizon = 330;
  let out = sky(scene, { sunY: rng.range(150, 260) });
  out += ridge(ridgeFunction(rng, horizon - 10, 22), hsl(200 + palette.shift, 20, 62), '', horizon + 2);
  out += rect(0, horizon, W, H - horizon, gradient(scene, [[0, hsl(192 + palette.shift, 50, 62)], [1, hsl(205 + palette.shift, 60, 32)]]));
  out += waves(rng, horizon + 10, H, '#ffffff', 70);
  // Distant sails and nearer fishing boats.
  for (let i = 0; i < 3; i++) {
    const x = rng.range(80, 1100);
    out += boat(x, horizon + rng.range(15, 45), rng.range(50, 80), hsl(rng.range(0, 360), 40, 40), '#ffffff', true, '#fdf6e3');
  }
  const boats = rng.int(2, 3);
  for (let i = 0; i < boats; i++) {
    const x = 220 + i * 300 + rng.range(-60, 60);
    out += boat(x, horizon + rng.range(120, 200), rng.range(170, 240), hsl(rng.pick([0, 200, 130, 45]), 60, 45), hsl(rng.range(0, 360), 65, 60), rng.chance(0.4), '#fdf6e3');
  }
  // A wooden pier from one side with a fisher.
  const fromLeft = rng.chance(0.5);
  const pierStart = fromLeft ? -10 : W - 470;
  out += rect(pierStart, 560, 480, 18, '#8b6b4a') + rect(pierStart, 578, 480, 8, '#6e5237');
  for (let i = 0; i < 8; i++) out += rect(pierStart + 20 + i * 60, 586, 12, 100, '#5e4632');
  const fisherX = fromLeft ? 380 : W - 380;
  out += person(fisherX, 560, 170, randomPerson(rng, { hat: rng.pick(['cap', 'conical'] as const), armUp: true, dress: false }));
  const netX = fisherX + (fromLeft ? 170 : -170);
  out += net(netX, 620, 110);
  out += fishBasket(rng, fromLeft ? 120 : W - 120, 560);
  return out + birds(rng, rng.int(3, 7));
}

function net(x: number, y: number, radius: number): string {
  let d = '';
  for (let i = 0; i <= 8; i++) {
    const angle = Math.PI + (i / 8) * Math.PI;
    d += `M${num(x)} ${num(y - radius * 0.9)}L${num(x + Math.cos(angle) * radius)} ${num(y + Math.sin(angle) * radius * -0.2)}`;
  }
  d += `M${num(x - radius)} ${num(y)}Q${num(x)} ${num(y + 30)} ${num(x + radius)} ${num(y)}`;
  return stroke(d, '#f1f1e6', 1.8, 'opacity="0.8"');
}

function fishBasket(rng: Rng, x: number, baseY: number): string {
  let fish = '';
  for (let i = 0; i < 5; i++) {
    const fx = x + rng.range(-40, 40);
    const fy = baseY - 52 - rng.range(0, 10);
    fish += ellipse(fx, fy, 22, 7, '#a9b8c4', `transform="rotate(${num(rng.range(-25, 25))} ${num(fx)} ${num(fy)})"`);
  }
  return fish + polygon([[x - 60, baseY - 50], [x + 60, baseY - 50], [x + 45, baseY], [x - 45, baseY]], '#b5853f') + line(x - 55, baseY - 30, x + 55, baseY - 30, '#8a6233', 3);
}

/** Rolling tea estates: hills striped with rows of bushes, mist, shade trees and pickers with baskets. */
function teaHills(scene: Scene): string {
  const { rng, palette } = scene;
  const g = palette.green + 10;
  let out = sky(scene);
  out += hillLayers(scene, [{ y: 230, amplitude: 50, colour: hsl(210 + palette.shift, 20, 72) }]);
  const hills = [
    { cx: rng.range(150, 450), top: rng.range(270, 310), spread: 360, base: 520, light: 50 },
    { cx: rng.range(750, 1050), top: rng.range(300, 340), spread: 420, base: 560, light: 46 },
    { cx: rng.range(400, 800), top: rng.range(400, 440), spread: 560, base: H + 60, light: 42 },
  ];
  for (const hill of hills) {
    const topAt = (x: number) => hill.base - (hill.base - hill.top) * Math.exp(-(((x - hill.cx) / hill.spread) ** 2) * 2.2);
    out += teaHill(scene, topAt, hsl(g, 45, hill.light), hsl(g - 5, 55, hill.light - 14));
    out += mist(rng, hill.cx, topAt(hill.cx) + 80);
    // A few tall thin shade trees on the slope.
    for (let i = 0; i < 3; i++) {
      const x = hill.cx + rng.range(-hill.spread * 0.6, hill.spread * 0.6);
      const y = topAt(x) + rng.range(10, 60);
      const size = (y - 200) / 5;
      out += rect(x - 2, y - size * 1.8, 4, size * 1.8, '#5b4636') + ellipse(x, y - size * 1.8, size * 0.35, size * 0.5, hsl(g - 10, 40, 28));
    }
  }
  const front = hills[2]!;
  const pickers = rng.int(2, 4);
  for (let i = 0; i < pickers; i++) {
    const x = 150 + i * (900 / pickers) + rng.range(-40, 40);
    const topY = front.base - (front.base - front.top) * Math.exp(-(((x - front.cx) / front.spread) ** 2) * 2.2);
    out += person(x, clamp(topY + rng.range(90, 180), 560, 650), 150, randomPerson(rng, { basket: true, dress: true, hat: 'scarf', hatColour: rng.pick(CLOTHES) }));
  }
  return out + birds(rng, rng.int(1, 4));
}

/** Soft bands of morning mist: overlapping translucent ellipses. */
function mist(rng: Rng, x: number, y: number): string {
  let out = '';
  for (let i = 0; i < 4; i++) out += ellipse(x + rng.range(-160, 160), y + rng.range(-15, 15), rng.range(140, 260), rng.range(10, 20), '#ffffff', 'opacity="0.18"');
  return out;
}

/** One hill covered with curved rows of tea bushes that follow its shape. */
function teaHill(scene: Scene, topAt: (x: number) => number, fill: string, bushes: string): string {
  const shape = ridge(topAt, fill);
  let rows = '';
  const top = Math.min(...[0, 300, 600, 900, 1200].map(topAt));
  for (let offset = 14; offset < H - top + 40; offset += 12 + offset * 0.08) {
    const points: Point[] = [];
    for (let x = -20; x <= W + 20; x += 30) points.push([x, topAt(x) + offset]);
    rows += stroke(polyPath(points), bushes, 5 + offset * 0.06);
  }
  return shape + group(rows, clipTo(scene, ridge(topAt, '#000')));
}

type MotifPainter = (scene: Scene) => string;

const PAINTERS: Record<Motif, MotifPainter> = {
  'rice-field': riceField,
  'mushroom-grass': mushroomGrass,
  cassava,
  'grain-storage': grainStorage,
  'flour-mill': flourMill,
  'flood-resilience': floodResilience,
  market,
  classroom,
  seminar,
  drought,
  fishing,
  'tea-hills': teaHills,
};

// ======================================================================
// Public API: pictures
// ======================================================================

export interface IllustrationSpec {
  motif: Motif;
  seed: number;
  width?: number;
  height?: number;
  /** Only kept as the SVG <title>; no text is drawn. */
  label?: string;
}

/** Builds the SVG source of an illustration (exported for debugging and tests). */
export function illustrationSvg(spec: IllustrationSpec): string {
  const painter = PAINTERS[spec.motif];
  if (!painter) throw new Error(`unknown illustration motif: ${String(spec.motif)}`);
  const width = checkedSize(spec.width ?? 1200, 'width');
  const height = checkedSize(spec.height ?? 675, 'height');
  const rng = createRng((hashString(spec.motif) ^ Math.imul(spec.seed | 0, 0x9e3779b1)) >>> 0);
  const scene: Scene = { rng, palette: choosePalette(rng), defs: [], nextId: 0 };
  const body = painter(scene);
  const title = spec.label ? `<title>${escapeXml(spec.label)}</title>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${W} ${H}" preserveAspectRatio="xMidYMid slice">` +
    `${title}<defs>${scene.defs.join('')}</defs>${body}</svg>`
  );
}

function checkedSize(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 16 || value > 4096) throw new Error(`illustration ${name} must be an integer between 16 and 4096, got ${value}`);
  return value;
}

/** Renders an illustration of the motif as a JPEG (default 1200×675). */
export async function renderIllustration(spec: IllustrationSpec): Promise<Buffer> {
  const width = spec.width ?? 1200;
  const height = spec.height ?? 675;
  return sharp(Buffer.from(illustrationSvg(spec)))
    .resize(width, height, { fit: 'cover' })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 78, mozjpeg: true })
    .toBuffer();
}

export interface LogoSpec {
  initials: string;
  /** Base hue in degrees (0–359). */
  hue: number;
}

/** Builds the SVG source of a logo: a rounded square with an emblem derived from the initials. */
export function logoSvg(spec: LogoSpec): string {
  const codes = [...spec.initials.toUpperCase()].map((c) => c.codePointAt(0) ?? 0);
  const hash = hashString(spec.initials.toUpperCase());
  const rng = createRng(hash);
  const scene: Scene = { rng, palette: choosePalette(rng), defs: [], nextId: 0 };
  const background = gradient(scene, [[0, hsl(spec.hue, 62, 52)], [1, hsl(spec.hue + 28, 66, 34)]], 'diagonal');
  const style = hash % 4;
  const emblem =
    style === 0 ? petalEmblem(codes)
    : style === 1 ? ringEmblem(codes)
    : style === 2 ? barEmblem(codes)
    : mirroredGridEmblem(hash);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">` +
    `<title>${escapeXml(spec.initials)}</title><defs>${scene.defs.join('')}</defs>` +
    rect(8, 8, 240, 240, background, 'rx="52"') +
    rect(8, 8, 240, 120, '#ffffff', 'rx="52" opacity="0.08"') +
    emblem +
    `</svg>`
  );
}

/** Petals around the centre: as many as the initials suggest, turned by their codes. */
function petalEmblem(codes: readonly number[]): string {
  const count = 4 + (codes.reduce((a, b) => a + b, 0) % 5);
  const turn = (codes[0] ?? 0) % 45;
  let petals = '';
  for (let i = 0; i < count; i++) petals += ellipse(0, -42, 18, 42, '#ffffff', `opacity="${i % 2 === 0 ? '0.95' : '0.7'}" transform="rotate(${num(turn + (i * 360) / count)})"`);
  return group(petals + circle(0, 0, 16, '#ffffff'), translate(128, 128));
}

/** Concentric arcs, one per initial, each opening at an angle taken from its letter. */
function ringEmblem(codes: readonly number[]): string {
  let arcs = '';
  codes.slice(0, 5).forEach((code, i) => {
    const r = 84 - i * 17;
    const gap = 40 + (code % 7) * 14;
    const start = (code * 37) % 360;
    const a0 = ((start + gap / 2) * Math.PI) / 180;
    const a1 = ((start + 360 - gap / 2) * Math.PI) / 180;
    arcs += stroke(`M${num(128 + r * Math.cos(a0))} ${num(128 + r * Math.sin(a0))}A${r} ${r} 0 1 1 ${num(128 + r * Math.cos(a1))} ${num(128 + r * Math.sin(a1))}`, '#ffffff', 10, `opacity="${num(1 - i * 0.12)}"`);
  });
  return arcs + circle(128, 128, 10, '#ffffff');
}

/** Rising bars, one per initial, their heights taken from the letters. */
function barEmblem(codes: readonly number[]): string {
  const bars = codes.slice(0, 6);
  const width = 150 / bars.length;
  let out = '';
  bars.forEach((code, i) => {
    const h = 40 + (code % 13) * 8;
    out += rect(53 + i * width + width * 0.12, 190 - h, width * 0.76, h, '#ffffff', `rx="${num(width * 0.2)}" opacity="${i % 2 === 0 ? '0.95' : '0.75'}"`);
  });
  return out + rect(48, 196, 160, 8, '#ffffff', 'rx="4"');
}

/** A symmetric 5×5 pattern of rounded tiles switched on by the bits of the hash. */
function mirroredGridEmblem(hash: number): string {
  let out = '';
  for (let row = 0; row < 5; row++) {
    for (let col = 0; col < 3; col++) {
      if (((hash >>> (row * 3 + col)) & 1) === 0 && !(row === 2 && col === 2)) continue;
      for (const c of col === 2 ? [2] : [col, 4 - col]) out += rect(58 + c * 29, 58 + row * 29, 24, 24, '#ffffff', 'rx="6"');
    }
  }
  return out;
}

/** Renders a 256×256 PNG logo. */
export async function renderLogo(spec: LogoSpec): Promise<Buffer> {
  return sharp(Buffer.from(logoSvg(spec))).png({ compressionLevel: 9 }).toBuffer();
}

// ======================================================================
// Public API: PDF
// ======================================================================

/**
 * Advance widths of Helvetica (1/1000 em) for the WinAnsi bytes 32..255.
 * Bytes without a glyph use the width of a space.
 */
const HELVETICA_WIDTHS: readonly number[] = [
  // 32..63: space ! " # $ % & ' ( ) * + , - . / 0-9 : ; < = > ?
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  // 64..95: @ A-Z [ \ ] ^ _
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  // 96..127: ` a-z { | } ~ (del)
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 278,
  // 128..159: € _ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ _ Ž _ _ ‘ ’ “ ” • – — ˜ ™ š › œ _ ž Ÿ
  556, 278, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 278, 611, 278,
  278, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 278, 500, 667,
  // 160..191: nbsp ¡ ¢ £ ¤ ¥ ¦ § ¨ © ª « ¬ shy ® ¯ ° ± ² ³ ´ µ ¶ · ¸ ¹ º » ¼ ½ ¾ ¿
  278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
  400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
  // 192..223: À-Å Æ Ç È-Ë Ì-Ï Ð Ñ Ò-Ö × Ø Ù-Ü Ý Þ ß
  667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
  722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
  // 224..255: à-å æ ç è-ë ì-ï ð ñ ò-ö ÷ ø ù-ü ý þ ÿ
  556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];

/** Helvetica-Bold runs a little wider; this factor keeps bold lines safely inside the margin. */
const BOLD_WIDTH_FACTOR = 1.12;

/** Unicode characters that WinAnsi places in 0x80..0x9F. */
const WIN_ANSI_HIGH: Readonly<Record<string, number>> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
  'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
  '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** Readable stand-ins for common characters that WinAnsi lacks. */
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  '‐': '-', '‑': '-', '‒': '-', '―': '-', '−': '-', '′': "'", '″': '"', '→': '->', '←': '<-',
  '≤': '<=', '≥': '>=', '≈': '~', '≠': '!=', 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ı': 'i',
  'ŀ': 'l', 'Ŀ': 'L', 'ħ': 'h', 'Ħ': 'H', 'ŧ': 't', 'Ŧ': 'T', 'ǀ': '|', '\u2009': ' ', '\u202f': ' ', '\u2007': ' ',
};

/**
 * Turns text into a string whose characters are WinAnsi byte values (0..255), ready to be
 * written as Latin-1. Accented Latin letters pass through; other letters lose their
 * diacritics when that gives a Latin letter; anything else becomes '?'.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 63;
    if (code === 0x09 || code === 0x0a || code === 0x0d) out += ' ';
    else if (isPrintableLatin1(char)) out += char;
    else if (WIN_ANSI_HIGH[char] !== undefined) out += String.fromCharCode(WIN_ANSI_HIGH[char]);
    else if (TRANSLITERATIONS[char] !== undefined) out += TRANSLITERATIONS[char];
    else out += stripDiacritics(char);
  }
  return out;
}

function stripDiacritics(char: string): string {
  const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return base.length > 0 && [...base].every(isPrintableLatin1) ? base : '?';
}

/** Printable ASCII or the printable upper half of Latin-1 (control ranges excluded). */
function isPrintableLatin1(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff);
}

/** Width in points of WinAnsi text set in Helvetica. */
function textWidth(winAnsi: string, size: number, bold = false): number {
  let units = 0;
  for (let i = 0; i < winAnsi.length; i++) units += HELVETICA_WIDTHS[winAnsi.charCodeAt(i) - 32] ?? 278;
  return (units / 1000) * size * (bold ? BOLD_WIDTH_FACTOR : 1);
}

/** Greedy word wrap; a word longer than the line is cut where it must be. */
function wrapText(winAnsi: string, maxWidth: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of winAnsi.split(/ +/).filter((w) => w.length > 0)) {
    const candidate = current ? `${current} ${word}` : word;
    if (textWidth(candidate, size, bold) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    while (textWidth(current, size, bold) > maxWidth) {
      let cut = current.length - 1;
      while (cut > 1 && textWidth(current.slice(0, cut), size, bold) > maxWidth) cut--;
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** A literal PDF string: backslash, parentheses and control bytes escaped. */
function pdfString(winAnsi: string): string {
  return '(' + winAnsi.replace(/[\\()]/g, (c) => '\\' + c).replace(/[\x00-\x1f]/g, (c) => '\\' + c.charCodeAt(0).toString(8).padStart(3, '0')) + ')';
}

/** A PDF text string for metadata, as UTF-16BE hex so any script survives in /Info. */
function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN_X = 72;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const BODY_TOP = PAGE_HEIGHT - 78;
const BODY_BOTTOM = 78;
const BODY_SIZE = 10.5;
const BODY_LEADING = 15;
const PARAGRAPH_GAP = 8;
const TITLE_SIZE = 22;
const TITLE_LEADING = 28;
const SUBTITLE_SIZE = 13;
const SUBTITLE_LEADING = 18;

/** One laid-out unit of body text: a line, or the space between two paragraphs. */
type BodyRow = { kind: 'line'; text: string; height: number } | { kind: 'gap'; height: number };

export interface PdfSpec {
  title: string;
  subtitle?: string;
  paragraphs: string[];
  /** Minimum number of pages; the text is spread over them. */
  pages?: number;
}

/** Writes a small A4 PDF 1.4 with Helvetica text: title on page 1, paragraphs flowing over the pages. */
export function renderPdf(spec: PdfSpec): Buffer {
  const minimumPages = spec.pages ?? 1;
  if (!Number.isInteger(minimumPages) || minimumPages < 1 || minimumPages > 500) throw new Error(`pdf pages must be a positive integer, got ${spec.pages}`);
  const title = wrapText(toWinAnsi(spec.title), TEXT_WIDTH, TITLE_SIZE, true);
  const subtitle = spec.subtitle ? wrapText(toWinAnsi(spec.subtitle), TEXT_WIDTH, SUBTITLE_SIZE) : [];
  const headerHeight = title.length * TITLE_LEADING + subtitle.length * SUBTITLE_LEADING + 30;
  const rows = bodyRows(spec.paragraphs);
  const capacity = (page: number) => BODY_TOP - BODY_BOTTOM - (page === 0 ? headerHeight : 0);
  const pages = paginate(rows, capacity, minimumPages);
  const runningTitle = fitWithEllipsis(toWinAnsi(spec.title), TEXT_WIDTH, 8.5);
  const streams = pages.map((pageRows, index) => {
    const header = index === 0 ? titleBlock(title, subtitle) : runningHeader(runningTitle);
    const body = pageRows.length > 0 || index === 0 ? bodyText(pageRows, BODY_TOP - (index === 0 ? headerHeight : 0)) : notesLines();
    return header + body + footer(index + 1, pages.length);
  });
  return assemblePdf(spec, streams);
}

function bodyRows(paragraphs: readonly string[]): BodyRow[] {
  const rows: BodyRow[] = [];
  paragraphs.forEach((paragraph, i) => {
    if (i > 0) rows.push({ kind: 'gap', height: PARAGRAPH_GAP });
    for (const text of wrapText(toWinAnsi(paragraph), TEXT_WIDTH, BODY_SIZE)) rows.push({ kind: 'line', text, height: BODY_LEADING });
  });
  return rows;
}

/**
 * Splits the rows into pages. When the text needs fewer pages than asked for, it is spread
 * evenly over them; pages still left over become ruled note pages. The result always has
 * max(pages needed, minimumPages) pages.
 */
function paginate(rows: readonly BodyRow[], capacity: (page: number) => number, minimumPages: number): BodyRow[][] {
  const natural = fillPages(rows, capacity, Infinity);
  if (natural.length >= minimumPages) return natural;
  const total = rows.reduce((sum, row) => sum + row.height, 0);
  const balanced = fillPages(rows, capacity, total / minimumPages);
  const pages = balanced.length <= minimumPages ? balanced : natural;
  while (pages.length < minimumPages) pages.push([]);
  return pages;
}

/** Fills pages in order; a page also ends once the text placed so far passes its share (quota). */
function fillPages(rows: readonly BodyRow[], capacity: (page: number) => number, quota: number): BodyRow[][] {
  const pages: BodyRow[][] = [[]];
  let used = 0;
  let placed = 0;
  for (const row of rows) {
    const page = pages.length - 1;
    const current = pages[page]!;
    const full = used + row.height > capacity(page);
    const shareDone = current.length > 0 && placed >= quota * (page + 1) - 0.01;
    if ((full || shareDone) && current.length > 0) {
      pages.push([]);
      used = 0;
    }
    placed += row.height;
    const target = pages[pages.length - 1]!;
    if (row.kind === 'gap' && target.length === 0) continue; // no blank space at the top of a page
    target.push(row);
    used += row.height;
  }
  return pages;
}

function fitWithEllipsis(winAnsi: string, maxWidth: number, size: number): string {
  if (textWidth(winAnsi, size) <= maxWidth) return winAnsi;
  let cut = winAnsi.length;
  while (cut > 0 && textWidth(winAnsi.slice(0, cut) + '\x85', size) > maxWidth) cut--;
  return winAnsi.slice(0, cut).trimEnd() + '\x85';
}

/** Content-stream operators that show one line of text at (x, y). */
function showText(font: 'F1' | 'F2', size: number, x: number, y: number, winAnsi: string): string {
  return `BT /${font} ${num(size)} Tf 1 0 0 1 ${num(x)} ${num(y)} Tm ${pdfString(winAnsi)} Tj ET\n`;
}

function titleBlock(title: readonly string[], subtitle: readonly string[]): string {
  let out = '0.10 0.23 0.36 rg\n';
  let y = BODY_TOP - TITLE_SIZE + 6;
  for (const text of title) {
    out += showText('F2', TITLE_SIZE, MARGIN_X, y, text);
    y -= TITLE_LEADING;
  }
  out += '0.35 0.38 0.42 rg\n';
  for (const text of subtitle) {
    out += showText('F1', SUBTITLE_SIZE, MARGIN_X, y + 6, text);
    y -= SUBTITLE_LEADING;
  }
  // A short coloured bar under the title block.
  out += `0.16 0.55 0.45 rg ${MARGIN_X} ${num(y + 4)} 60 4 re f\n`;
  return out;
}

function runningHeader(title: string): string {
  return `0.45 0.47 0.5 rg\n${showText('F1', 8.5, MARGIN_X, PAGE_HEIGHT - 48, title)}0.8 0.8 0.8 RG 0.5 w ${MARGIN_X} ${PAGE_HEIGHT - 54} m ${PAGE_WIDTH - MARGIN_X} ${PAGE_HEIGHT - 54} l S\n`;
}

function bodyText(rows: readonly BodyRow[], top: number): string {
  let out = '0.12 0.12 0.12 rg\n';
  let y = top - BODY_SIZE;
  for (const row of rows) {
    if (row.kind === 'line') out += showText('F1', BODY_SIZE, MARGIN_X, y, row.text);
    y -= row.height;
  }
  return out;
}

/** Light ruled lines for a page the text did not reach. */
function notesLines(): string {
  let out = '0.85 0.87 0.9 RG 0.5 w\n';
  for (let y = BODY_TOP - 20; y > BODY_BOTTOM; y -= 24) out += `${MARGIN_X} ${y} m ${PAGE_WIDTH - MARGIN_X} ${y} l S\n`;
  return out;
}

function footer(page: number, pages: number): string {
  const label = `${page} / ${pages}`;
  const x = (PAGE_WIDTH - textWidth(label, 9)) / 2;
  return `0.45 0.47 0.5 rg\n${showText('F1', 9, x, 40, label)}`;
}

/** Numbers the objects, writes them with their byte offsets, then the xref table and trailer. */
function assemblePdf(spec: PdfSpec, streams: readonly string[]): Buffer {
  const firstPage = 6;
  const kids = streams.map((_, i) => `${firstPage + i * 2} 0 R`).join(' ');
  const info = [`/Title ${pdfTextString(spec.title)}`, spec.subtitle ? `/Subject ${pdfTextString(spec.subtitle)}` : '', `/Producer ${pdfTextString('SSC Knowledge Platform seed')}`]
    .filter(Boolean)
    .join(' ');
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${streams.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< ${info} >>`,
  ];
  streams.forEach((content, i) => {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${firstPage + i * 2 + 1} 0 R >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    );
  });
  // The header's second line holds bytes above 127 so tools treat the file as binary.
  let file = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(file.length);
    file += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = file.length;
  file += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) file += `${String(offset).padStart(10, '0')} 00000 n \n`;
  file += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  // Every character is a byte value (0..255), so Latin-1 writes it one to one.
  return Buffer.from(file, 'latin1');
}

/** Counts page objects (/Type /Page, not /Pages) in a PDF. */
export function pdfPageCount(buf: Buffer): number {
  return buf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z0-9_])/g)?.length ?? 0;
}

// ======================================================================
// Public API: captions
// ======================================================================

export interface Cue {
  /** Seconds from the start. */
  start: number;
  end: number;
  text: string;
}

/** hh:mm:ss.mmm as WebVTT wants it. */
function vttTimestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const secs = Math.floor((ms % 60_000) / 1000);
  const millis = ms % 1000;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${String(secs).padStart(2, '0')}.${String(millis).padStart(3, '0')}`;
}

/** Cue text may not hold blank lines or "-->", and &, < and > must be escaped. */
function vttCueText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Writes a WebVTT caption file with numbered cues. */
export function renderWebVtt(cues: readonly Cue[]): string {
  const blocks = cues.map((cue, i) => {
    if (!Number.isFinite(cue.start) || !Number.isFinite(cue.end) || cue.start < 0 || cue.end <= cue.start) {
      throw new Error(`caption cue ${i + 1} has invalid times ${cue.start} → ${cue.end}`);
    }
    return `${i + 1}\n${vttTimestamp(cue.start)} --> ${vttTimestamp(cue.end)}\n${vttCueText(cue.text) || '...'}`;
  });
  return ['WEBVTT', ...blocks].join('\n\n') + '\n';
}
