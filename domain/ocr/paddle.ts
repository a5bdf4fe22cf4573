// PaddleOCR's Chinese models (PP-OCRv4 detection and recognition) as a recogniser with the same
// interface as tesseract's: the model-independent part, run by any ONNX runtime (PaddleModels:
// onnxruntime-node in main/ocr/paddle.ts, onnxruntime-web in the renderer). Detection finds the
// text boxes (DB: a probability map, thresholded, each connected part a box grown back by its
// border); recognition reads each box at 48 px high (CTC: the likeliest character per step,
// repeats and blanks dropped).
import { catmullRom, upscaleBicubic } from './enhance';
import { crop, type GreyImage, type QuarterTurn, turn } from './image';
import type { Recognised, Recogniser, RecogniseMode } from './pipeline';
import type { PlacedWord } from './stack';

/** The two models, run by a runtime. */
export interface PaddleModels {
  /** DB detection: input [1, 3, height, width]; the probability map, height × width. */
  detect(input: Float32Array, height: number, width: number): Promise<Float32Array>;
  /** Recognition: input [batch, 3, REC_HEIGHT, width]; per item `steps` rows of `classes` probabilities. */
  recognise(input: Float32Array, batch: number, width: number): Promise<{ readonly data: Float32Array; readonly steps: number; readonly classes: number }>;
  /** Text direction: input [batch, 3, CLS_HEIGHT, CLS_WIDTH], one line each; per item the probabilities of upright and upside down. */
  classify(input: Float32Array, batch: number): Promise<Float32Array>;
  /** The recogniser's classes: blank, the dictionary, space. */
  readonly keys: readonly string[];
  release(): Promise<void>;
}

/** The classes of the recognition model from its dictionary file (one character a line). */
export function paddleKeys(dictionary: string): string[] {
  const lines = dictionary.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return ['', ...lines.map((l) => l.replace(/\r$/, '')), ' '];
}

export const REC_HEIGHT = 48;
export const CLS_HEIGHT = 48;
export const CLS_WIDTH = 192;
const REC_BATCH = 8;
/** DB's thresholds, as PaddleOCR ships them. */
const DET_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.6;
const UNCLIP_RATIO = 1.5;
/** Pages are detected at most this many pixels on their longer side (a tall sheet is cut in bands). */
const DET_MAX_SIDE = 960;
/** A fold between two pages is a clear band at least this many line heights wide. */
const SPREAD_GAP = 3;
/** The page's orientation is judged from its lines found at the first of these sizes that finds enough of them, the longest few classified. */
const ORIENT_DET_SIDES = [640, 1280];
const ORIENT_SAMPLES = 8;
/** A page whose longest side is shorter than this (a 60-90 dpi scan) is enlarged before its direction is judged. */
const SMALL_PAGE = 1000;
/** The piece of each line classified, at most this many times as long as the line is thick (the classifier reads 192 × 48). */
const ORIENT_PIECE = 5;
/** How much likelier than not the lines must stand upside down for the page to be turned over. */
const TURN_MARGIN = 0.1;

export class PaddleRecogniser implements Recogniser {
  private models: Promise<PaddleModels> | undefined;
  /** Serialises calls: one model pair reads one image at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  /** The dictionary, once the models are loaded. */
  private known: ReadonlySet<string> | undefined;

  constructor(private readonly load: () => Promise<PaddleModels>) {}

  canRead(char: string): boolean {
    return this.known?.has(char) ?? true;
  }

  recognise(image: GreyImage, mode: RecogniseMode): Promise<Recognised> {
    const run = this.queue.then(async () => {
      this.models ??= this.load();
      const m = await this.models;
      this.known ??= new Set(m.keys);
      const boxes = mode === 'line' ? [{ x0: 0, y0: 0, x1: image.width, y1: image.height }] : await detect(m, image);
      const words = (await recogniseBoxes(m, boxes.map((box) => ({ image, box })))).flat();
      const chars = words.reduce((n, w) => n + w.text.length, 0);
      const confidence = chars === 0 ? 0 : words.reduce((s, w) => s + w.confidence * w.text.length, 0) / chars;
      return { text: linesOf(words), confidence, words };
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * How far the page is turned clockwise (a sheet scanned upside down, a landscape page photographed
   * upright): its text lines are found at low resolution, and lines standing on end mean a quarter
   * turn. A piece of each of the longest lines, turned back the first way the page may lie, goes to
   * PaddleOCR's direction classifier; the page lies the other way when the pieces stand upside down
   * on average — for 180°, clearly so (TURN_MARGIN), as upright is what a page usually is, and
   * only when the whole lines also read surer turned over than as they lie (the classifier takes
   * some blurred 65 dpi pages for upside down).
   */
  orientation(page: GreyImage): Promise<QuarterTurn> {
    const run = this.queue.then(async () => {
      this.models ??= this.load();
      const m = await this.models;
      // A low-resolution scan's lines are too thin to find and judge as they are: they are looked at twice the size.
      const image = Math.max(page.width, page.height) < SMALL_PAGE ? upscaleBicubic(page, 2) : page;
      // Small print on a large photo vanishes at the first size: then the lines are looked for at the second.
      let wide: Box[] = [];
      let tall: Box[] = [];
      for (const side of ORIENT_DET_SIDES) {
        const boxes = await detect(m, image, side);
        wide = boxes.filter((b) => b.x1 - b.x0 >= 2 * (b.y1 - b.y0));
        tall = boxes.filter((b) => b.y1 - b.y0 >= 2 * (b.x1 - b.x0));
        if (wide.length + tall.length >= ORIENT_SAMPLES) break;
      }
      const long = (b: Box) => Math.max(b.x1 - b.x0, b.y1 - b.y0);
      const onEnd = tall.length >= 3 && tall.length >= 2 * wide.length;
      const lines = (onEnd ? tall : wide).sort((a, b) => long(b) - long(a)).slice(0, ORIENT_SAMPLES);
      if (lines.length === 0) return 0;
      const ways: readonly QuarterTurn[] = onEnd ? [90, 270] : [0, 180];
      // A piece of each line from its middle, at most ORIENT_PIECE times as long as the line is thick, is enough to judge by.
      const piece = (b: Box) => {
        const w = b.x1 - b.x0;
        const h = b.y1 - b.y0;
        const cw = onEnd ? w : Math.min(w, ORIENT_PIECE * h);
        const ch = onEnd ? Math.min(h, ORIENT_PIECE * w) : h;
        return { x: b.x0 + (w - cw) / 2, y: b.y0 + (h - ch) / 2, width: cw, height: ch };
      };
      const pieces = lines.map((b) => turn(crop(image, piece(b)), ((360 - ways[0]!) % 360) as QuarterTurn));
      const input = pack(
        pieces.map((c) => ({ image: c, box: { x0: 0, y0: 0, x1: c.width, y1: c.height }, width: Math.max(1, Math.min(CLS_WIDTH, Math.round((CLS_HEIGHT * c.width) / c.height))) })),
        CLS_HEIGHT,
        CLS_WIDTH,
      );
      const probs = await m.classify(input, pieces.length);
      let over = 0;
      for (let k = 0; k < pieces.length; k++) over += probs[k * 2 + 1]! / pieces.length;
      if (over <= 0.5 + (onEnd ? 0 : TURN_MARGIN)) return ways[0]!;
      // The classifier can misjudge a blurred low-resolution page: a page is turned over only when its lines also read surer so.
      return onEnd || (await surerTurned(m, image, lines)) ? ways[1]! : ways[0]!;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    const models = this.models;
    this.models = undefined;
    if (models) await (await models).release();
  }
}

/** Whether the lines read with more confidence turned over (180°) than as they lie. */
async function surerTurned(m: PaddleModels, image: GreyImage, lines: readonly Box[]): Promise<boolean> {
  const crops = lines.map((b) => crop(image, { x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 }));
  const sureness = async (turns: QuarterTurn) => {
    const turned = crops.map((c) => turn(c, turns));
    const words = (await recogniseBoxes(m, turned.map((c) => ({ image: c, box: { x0: 0, y0: 0, x1: c.width, y1: c.height } })))).flat();
    const chars = words.reduce((n, w) => n + w.text.length, 0);
    return chars === 0 ? 0 : words.reduce((s, w) => s + w.confidence * w.text.length, 0) / chars;
  };
  return (await sureness(180)) > (await sureness(0));
}

/**
 * A text box: the rectangle x0..x1 × y0..y1, turned by `angle` (radians, clockwise as y runs down)
 * about its centre when the line it holds slants (a page scanned or photographed askew).
 */
interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly angle?: number;
}

/** A line slanting less than this is read in its upright box (about half a degree). */
const SLANT = 0.009;

/**
 * Words joined into lines, top to bottom: a word joins the line whose middle is nearest its own
 * when they are less than half a line apart. Words of one box are joined by a space, boxes by two
 * (the pipeline's cell separator: a table row's cells stay apart).
 */
function linesOf(words: readonly PlacedWord[]): string {
  // A two-page spread (a certificate or register opened flat) is read a page at a time.
  const gutter = spreadGutter(words);
  if (gutter !== undefined) return rowsOf(words.filter((w) => w.x1 <= gutter)) + rowsOf(words.filter((w) => w.x0 >= gutter));
  return rowsOf(words);
}

function rowsOf(words: readonly PlacedWord[]): string {
  const lines: { mid: number; height: number; words: PlacedWord[] }[] = [];
  for (const w of [...words].sort((a, b) => a.y0 + a.y1 - b.y0 - b.y1)) {
    const mid = (w.y0 + w.y1) / 2;
    const height = w.y1 - w.y0;
    let best: (typeof lines)[number] | undefined;
    for (const l of lines) if (Math.abs(l.mid - mid) < Math.min(l.height, height) / 2 && (!best || Math.abs(l.mid - mid) < Math.abs(best.mid - mid))) best = l;
    if (best) best.words.push(w);
    else lines.push({ mid, height, words: [w] });
  }
  return lines
    .sort((a, b) => a.mid - b.mid)
    .map((l) => {
      const ws = l.words.sort((a, b) => a.x0 - b.x0);
      return ws.map((w, i) => (i === 0 ? '' : w.x0 - ws[i - 1]!.x1 > (w.y1 - w.y0) * 0.6 ? '  ' : ' ') + w.text).join('');
    })
    .join('\n') + '\n';
}

/**
 * The x of the fold of a spread: text wider than tall (1.3 times or more), and a band no word
 * crosses at least SPREAD_GAP line heights wide around its middle fifth, each side with a quarter
 * of the words or more; undefined for a single page. (A page of two columns, narrower than a
 * spread, keeps its rows whole: a label over its value in one column stays beside the other's.)
 */
export function spreadGutter(words: readonly PlacedWord[]): number | undefined {
  if (words.length < 8) return undefined;
  const x0 = Math.min(...words.map((w) => w.x0));
  const x1 = Math.max(...words.map((w) => w.x1));
  const y0 = Math.min(...words.map((w) => w.y0));
  const y1 = Math.max(...words.map((w) => w.y1));
  if (x1 - x0 < 1.3 * (y1 - y0)) return undefined;
  const lineHeight = [...words.map((w) => w.y1 - w.y0)].sort((a, b) => a - b)[words.length >> 1]!;
  const covered = [...words].sort((a, b) => a.x0 - b.x0);
  let best: { from: number; to: number } | undefined;
  let reach = x0;
  for (const w of covered) {
    if (w.x0 > reach && (!best || w.x0 - reach > best.to - best.from)) best = { from: reach, to: w.x0 };
    reach = Math.max(reach, w.x1);
  }
  if (!best || best.to - best.from < SPREAD_GAP * lineHeight) return undefined;
  const middle = (best.from + best.to) / 2;
  if (middle < x0 + 0.4 * (x1 - x0) || middle > x0 + 0.6 * (x1 - x0)) return undefined;
  const left = words.filter((w) => w.x1 <= middle).length;
  const right = words.length - left;
  return Math.min(left, right) >= words.length / 4 ? middle : undefined;
}

/** Bilinear resize to exactly width × height, as floats normalised the way a model expects. */
function tensorOf(image: GreyImage, box: Box, width: number, height: number, normalise: (v: number) => number): Float32Array {
  if (box.angle) return turnedTensorOf(image, box, width, height, normalise);
  if (height >= BICUBIC_FROM * (box.y1 - box.y0)) return bicubicTensorOf(image, box, width, height, normalise);
  const out = new Float32Array(3 * width * height);
  const plane = width * height;
  const bw = box.x1 - box.x0;
  const bh = box.y1 - box.y0;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(bh - 1, Math.max(0, ((y + 0.5) * bh) / height - 0.5)) + box.y0;
    const y0 = Math.floor(sy);
    const y1 = Math.min(image.height - 1, y0 + 1);
    const ty = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(bw - 1, Math.max(0, ((x + 0.5) * bw) / width - 0.5)) + box.x0;
      const x0 = Math.floor(sx);
      const x1 = Math.min(image.width - 1, x0 + 1);
      const tx = sx - x0;
      const d = image.data;
      const top = d[y0 * image.width + x0]! * (1 - tx) + d[y0 * image.width + x1]! * tx;
      const bottom = d[y1 * image.width + x0]! * (1 - tx) + d[y1 * image.width + x1]! * tx;
      out[y * width + x] = normalise(top * (1 - ty) + bottom * ty);
    }
  }
  return grey3(out, plane);
}

/**
 * A box enlarged this many times or more (a line under 24 px tall read at 48: a scan at 100 dpi or
 * less) is enlarged bicubically. Measured: the corpus as 65 dpi scans 84 → 87 of 110 fields; the
 * tenth, eleventh and twelfth sets unchanged (at 1.3, a 150 dpi letter lost two amounts).
 */
const BICUBIC_FROM = 2;

/** tensorOf enlarging a small box bicubically (Catmull-Rom): thin strokes stay apart where bilinear blurs them together. */
function bicubicTensorOf(image: GreyImage, box: Box, width: number, height: number, normalise: (v: number) => number): Float32Array {
  const out = new Float32Array(3 * width * height);
  const bw = box.x1 - box.x0;
  const bh = box.y1 - box.y0;
  const d = image.data;
  const xs = new Int32Array(width * 4);
  const xw = new Float64Array(width * 4);
  for (let x = 0; x < width; x++) {
    const sx = Math.min(bw - 1, Math.max(0, ((x + 0.5) * bw) / width - 0.5)) + box.x0;
    const x0 = Math.floor(sx);
    const w = catmullRom(sx - x0);
    for (let k = 0; k < 4; k++) {
      xs[x * 4 + k] = Math.min(image.width - 1, Math.max(0, x0 - 1 + k));
      xw[x * 4 + k] = w[k]!;
    }
  }
  for (let y = 0; y < height; y++) {
    const sy = Math.min(bh - 1, Math.max(0, ((y + 0.5) * bh) / height - 0.5)) + box.y0;
    const y0 = Math.floor(sy);
    const wy = catmullRom(sy - y0);
    const rows = [0, 1, 2, 3].map((k) => Math.min(image.height - 1, Math.max(0, y0 - 1 + k)) * image.width);
    for (let x = 0; x < width; x++) {
      let v = 0;
      for (let j = 0; j < 4; j++) {
        const r = rows[j]!;
        const b = x * 4;
        v += wy[j]! * (d[r + xs[b]!]! * xw[b]! + d[r + xs[b + 1]!]! * xw[b + 1]! + d[r + xs[b + 2]!]! * xw[b + 2]! + d[r + xs[b + 3]!]! * xw[b + 3]!);
      }
      out[y * width + x] = normalise(Math.min(255, Math.max(0, v)));
    }
  }
  return grey3(out, width * height);
}

/** tensorOf for a turned box: each point sampled along the box's own axes (bilinear; white beyond the page). */
function turnedTensorOf(image: GreyImage, box: Box, width: number, height: number, normalise: (v: number) => number): Float32Array {
  const out = new Float32Array(3 * width * height);
  const plane = width * height;
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  const bw = box.x1 - box.x0;
  const bh = box.y1 - box.y0;
  const cos = Math.cos(box.angle!);
  const sin = Math.sin(box.angle!);
  const d = image.data;
  const at = (x: number, y: number) => (x < 0 || y < 0 || x >= image.width || y >= image.height ? 255 : d[y * image.width + x]!);
  for (let y = 0; y < height; y++) {
    const v = ((y + 0.5) * bh) / height - bh / 2;
    for (let x = 0; x < width; x++) {
      const u = ((x + 0.5) * bw) / width - bw / 2;
      const sx = cx + u * cos - v * sin - 0.5;
      const sy = cy + u * sin + v * cos - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const tx = sx - x0;
      const ty = sy - y0;
      const top = at(x0, y0) * (1 - tx) + at(x0 + 1, y0) * tx;
      const bottom = at(x0, y0 + 1) * (1 - tx) + at(x0 + 1, y0 + 1) * tx;
      out[y * width + x] = normalise(top * (1 - ty) + bottom * ty);
    }
  }
  return grey3(out, plane);
}

/** The first plane of a [3, height, width] tensor copied into the other two (a grey image as RGB). */
function grey3(out: Float32Array, plane: number): Float32Array {
  out.copyWithin(plane, 0, plane);
  out.copyWithin(2 * plane, 0, plane);
  return out;
}

const MEAN = 0.45;
const STD = 0.225;

/** DB detection, in horizontal bands of at most DET_MAX_SIDE for tall sheets. */
async function detect(m: PaddleModels, image: GreyImage, maxSide = DET_MAX_SIDE): Promise<Box[]> {
  // A page is detected whole at maxSide; a sheet much taller than wide in bands.
  const scale = Math.min(1, maxSide / (image.height <= 2 * image.width ? Math.max(image.width, image.height) : image.width));
  const bandSource = Math.round(maxSide / scale);
  const boxes: Box[] = [];
  const overlap = 96;
  for (let top = 0; top < image.height; top += bandSource - overlap) {
    const bottom = Math.min(image.height, top + bandSource);
    const band: Box = { x0: 0, y0: top, x1: image.width, y1: bottom };
    const w = Math.max(32, Math.round((image.width * scale) / 32) * 32);
    const h = Math.max(32, Math.round(((bottom - top) * scale) / 32) * 32);
    const input = tensorOf(image, band, w, h, (v) => (v / 255 - MEAN) / STD);
    const map = await m.detect(input, h, w);
    const sx = image.width / w;
    const sy = (bottom - top) / h;
    for (const b of boxesOf(map, w, h)) {
      const box: Box = b.angle
        ? { x0: b.x0 * sx, y0: b.y0 * sy + top, x1: b.x1 * sx, y1: b.y1 * sy + top, angle: b.angle }
        : { x0: Math.max(0, Math.floor(b.x0 * sx)), y0: Math.max(0, Math.floor(b.y0 * sy) + top), x1: Math.min(image.width, Math.ceil(b.x1 * sx)), y1: Math.min(image.height, Math.ceil(b.y1 * sy) + top) };
      // A box cut by the band's edge is taken from the band where it lies whole.
      const cutAtTop = top > 0 && b.y0 <= 1;
      const cutAtBottom = bottom < image.height && b.y1 >= h - 1;
      if (cutAtTop || cutAtBottom) continue;
      if (boxes.some((o) => overlapRatio(o, box) > 0.5)) continue;
      boxes.push(box);
    }
    if (bottom >= image.height) break;
  }
  return boxes;
}

function overlapRatio(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0));
}

/** Connected parts of the thresholded map, each as its bounding box grown by DB's unclip distance. */
export function boxesOf(map: Float32Array, width: number, height: number): Box[] {
  const label = new Int32Array(width * height);
  const boxes: Box[] = [];
  const stack: number[] = [];
  let next = 0;
  for (let start = 0; start < map.length; start++) {
    if (label[start] !== 0 || map[start]! <= DET_THRESHOLD) continue;
    next++;
    label[start] = next;
    stack.push(start);
    let x0 = width;
    let y0 = height;
    let x1 = 0;
    let y1 = 0;
    let sum = 0;
    let n = 0;
    const pixels: number[] = [];
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      sum += map[i]!;
      n++;
      pixels.push(i);
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (const j of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, y > 0 ? i - width : -1, y < height - 1 ? i + width : -1]) {
        if (j >= 0 && label[j] === 0 && map[j]! > DET_THRESHOLD) {
          label[j] = next;
          stack.push(j);
        }
      }
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (Math.min(w, h) < 3 || sum / n < BOX_THRESHOLD) continue;
    const turned = w >= 3 * h ? slantedBox(pixels, width) : undefined;
    if (turned) {
      boxes.push(turned);
      continue;
    }
    const grow = (w * h * UNCLIP_RATIO) / (2 * (w + h));
    boxes.push({ x0: x0 - grow, y0: y0 - grow, x1: x1 + 1 + grow, y1: y1 + 1 + grow });
  }
  return boxes;
}

/**
 * The turned rectangle around a slanting line's pixels (PaddleOCR reads the minimum-area rectangle
 * of each part of the map): its direction from the pixels' second moments, its extent along that
 * direction and across it, grown by DB's unclip distance. Undefined for a line that lies level
 * within SLANT, read in its upright box as before.
 */
function slantedBox(pixels: readonly number[], width: number): Box | undefined {
  let mx = 0;
  let my = 0;
  for (const i of pixels) {
    mx += i % width;
    my += Math.floor(i / width);
  }
  mx /= pixels.length;
  my /= pixels.length;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (const i of pixels) {
    const dx = (i % width) - mx;
    const dy = Math.floor(i / width) - my;
    xx += dx * dx;
    yy += dy * dy;
    xy += dx * dy;
  }
  const angle = 0.5 * Math.atan2(2 * xy, xx - yy);
  if (Math.abs(angle) < SLANT || Math.abs(angle) > Math.PI / 8) return undefined;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  let u0 = Infinity;
  let u1 = -Infinity;
  let v0 = Infinity;
  let v1 = -Infinity;
  for (const i of pixels) {
    const dx = (i % width) + 0.5 - mx;
    const dy = Math.floor(i / width) + 0.5 - my;
    const u = dx * cos + dy * sin;
    const v = -dx * sin + dy * cos;
    u0 = Math.min(u0, u - 0.5);
    u1 = Math.max(u1, u + 0.5);
    v0 = Math.min(v0, v - 0.5);
    v1 = Math.max(v1, v + 0.5);
  }
  const w = u1 - u0;
  const h = v1 - v0;
  const grow = (w * h * UNCLIP_RATIO) / (2 * (w + h));
  // The centre of the rectangle, back in map pixels.
  const cu = (u0 + u1) / 2;
  const cv = (v0 + v1) / 2;
  const cx = mx + 0.5 + cu * cos - cv * sin;
  const cy = my + 0.5 + cu * sin + cv * cos;
  return { x0: cx - w / 2 - grow, y0: cy - h / 2 - grow, x1: cx + w / 2 + grow, y1: cy + h / 2 + grow, angle };
}

/**
 * Boxes (each in its image) read at REC_HEIGHT in batches of similar widths (padded as PaddleOCR
 * pads: zeros); each box's words, in the order given.
 */
async function recogniseBoxes(m: PaddleModels, crops: readonly { readonly image: GreyImage; readonly box: Box }[]): Promise<PlacedWord[][]> {
  const items = crops
    .map((c, index) => ({ ...c, index, width: Math.max(16, Math.min(3200, Math.round((REC_HEIGHT * (c.box.x1 - c.box.x0)) / (c.box.y1 - c.box.y0)))) }))
    .filter((c) => c.box.x1 - c.box.x0 >= 2 && c.box.y1 - c.box.y0 >= 2)
    .sort((a, b) => a.width - b.width);
  const words: PlacedWord[][] = crops.map(() => []);
  for (let i = 0; i < items.length; ) {
    // A batch: up to REC_BATCH boxes, the widest at most a third wider than the narrowest.
    let j = i + 1;
    while (j < items.length && j - i < REC_BATCH && items[j]!.width <= items[i]!.width * 1.33 + 16) j++;
    const batch = items.slice(i, j);
    i = j;
    const width = batch[batch.length - 1]!.width;
    const { data, steps, classes } = await m.recognise(pack(batch, REC_HEIGHT, width), batch.length, width);
    batch.forEach((b, k) => words[b.index]!.push(...decode(m.keys, data.subarray(k * steps * classes, (k + 1) * steps * classes), steps, classes, b.box, (width / steps) * ((b.box.x1 - b.box.x0) / b.width))));
  }
  return words;
}

/**
 * A batch tensor [items, 3, height, width]: each box resized to its own width and the given height
 * (normalised as the recognition and direction models expect), then padded with zeros to `width`.
 */
function pack(items: readonly { readonly image: GreyImage; readonly box: Box; readonly width: number }[], height: number, width: number): Float32Array {
  const plane = height * width;
  const input = new Float32Array(items.length * 3 * plane);
  items.forEach((b, k) => {
    const one = tensorOf(b.image, b.box, b.width, height, (v) => v / 127.5 - 1);
    for (let c = 0; c < 3; c++) for (let y = 0; y < height; y++) input.set(one.subarray(c * height * b.width + y * b.width, c * height * b.width + (y + 1) * b.width), (k * 3 + c) * plane + y * width);
  });
  return input;
}

/** A class the model gave at least this probability where it read another is kept as that character's runner-up. */
const RUNNER_UP_P = 0.02;
/** At most this many runners-up per character. */
const RUNNERS_UP = 3;

/**
 * CTC greedy decoding of one box: its characters as words split where the model reads a space;
 * `step`: box pixels per step. Each character keeps its runners-up (RUNNER_UP_P) over the steps it was read at.
 */
function decode(keys: readonly string[], data: Float32Array, steps: number, classes: number, box: Box, step: number): PlacedWord[] {
  const words: PlacedWord[] = [];
  let current: { text: string; conf: number[]; alts: Map<number, number>[]; first: number; last: number } | undefined;
  let previous = 0;
  const flush = () => {
    if (!current) return;
    const confidence = (100 * current.conf.reduce((a, b) => a + b, 0)) / current.conf.length;
    const alternatives = current.alts.map((m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, RUNNERS_UP).map(([c]) => keys[c]!));
    words.push({ text: current.text, confidence, x0: Math.round(box.x0 + current.first * step), y0: Math.round(box.y0), x1: Math.min(Math.round(box.x1), Math.round(box.x0 + (current.last + 1) * step)), y1: Math.round(box.y1), alternatives });
    current = undefined;
  };
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let p = -1;
    for (let c = 0; c < classes; c++) {
      const v = data[t * classes + c]!;
      if (v > p) {
        p = v;
        best = c;
      }
    }
    const ch = keys[best] ?? '';
    if (best !== 0 && best !== previous) {
      if (ch === ' ') flush();
      else {
        current ??= { text: '', conf: [], alts: [], first: t, last: t };
        current.text += ch;
        current.conf.push(p);
        current.alts.push(new Map());
        current.last = t;
      }
    }
    // Runners-up over every step the character is held (blank, space and itself excluded).
    if (best !== 0 && ch !== ' ' && current) {
      const alts = current.alts[current.alts.length - 1]!;
      for (let c = 1; c < classes; c++) {
        const v = data[t * classes + c]!;
        if (v >= RUNNER_UP_P && c !== best && keys[c] !== ' ' && v > (alts.get(c) ?? 0)) alts.set(c, v);
      }
    }
    previous = best;
  }
  flush();
  return words;
}
