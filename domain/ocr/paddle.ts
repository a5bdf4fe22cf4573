// PaddleOCR's Chinese models (PP-OCRv4 detection and recognition) as a recogniser with the same
// interface as tesseract's: the model-independent part, run by any ONNX runtime (PaddleModels:
// onnxruntime-node in main/ocr/paddle.ts, onnxruntime-web in the renderer). Detection finds the
// text boxes (DB: a probability map, thresholded, each connected part a box grown back by its
// border); recognition reads each box at 48 px high (CTC: the likeliest character per step,
// repeats and blanks dropped).
import type { GreyImage } from './image';
import type { Recognised, Recogniser, RecogniseMode } from './pipeline';
import type { PlacedWord } from './stack';

/** The two models, run by a runtime. */
export interface PaddleModels {
  /** DB detection: input [1, 3, height, width]; the probability map, height × width. */
  detect(input: Float32Array, height: number, width: number): Promise<Float32Array>;
  /** Recognition: input [batch, 3, REC_HEIGHT, width]; per item `steps` rows of `classes` probabilities. */
  recognise(input: Float32Array, batch: number, width: number): Promise<{ readonly data: Float32Array; readonly steps: number; readonly classes: number }>;
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
const REC_BATCH = 8;
/** DB's thresholds, as PaddleOCR ships them. */
const DET_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.6;
const UNCLIP_RATIO = 1.5;
/** Pages are detected at most this many pixels on their longer side (a tall sheet is cut in bands). */
const DET_MAX_SIDE = 960;

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
      const words = await recogniseBoxes(m, image, boxes);
      const chars = words.reduce((n, w) => n + w.text.length, 0);
      const confidence = chars === 0 ? 0 : words.reduce((s, w) => s + w.confidence * w.text.length, 0) / chars;
      return { text: linesOf(words), confidence, words };
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

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * Words joined into lines, top to bottom: a word joins the line whose middle is nearest its own
 * when they are less than half a line apart. Words of one box are joined by a space, boxes by two
 * (the pipeline's cell separator: a table row's cells stay apart).
 */
function linesOf(words: readonly PlacedWord[]): string {
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

/** Bilinear resize to exactly width × height, as floats normalised the way a model expects. */
function tensorOf(image: GreyImage, box: Box, width: number, height: number, normalise: (v: number) => number): Float32Array {
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
      const v = normalise(top * (1 - ty) + bottom * ty);
      out[y * width + x] = v;
      out[plane + y * width + x] = v;
      out[2 * plane + y * width + x] = v;
    }
  }
  return out;
}

const MEAN = 0.45;
const STD = 0.225;

/** DB detection, in horizontal bands of at most DET_MAX_SIDE for tall sheets. */
async function detect(m: PaddleModels, image: GreyImage): Promise<Box[]> {
  // A page is detected whole at DET_MAX_SIDE; a sheet much taller than wide in bands.
  const scale = Math.min(1, DET_MAX_SIDE / (image.height <= 2 * image.width ? Math.max(image.width, image.height) : image.width));
  const bandSource = Math.round(DET_MAX_SIDE / scale);
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
      const box = { x0: Math.max(0, Math.floor(b.x0 * sx)), y0: Math.max(0, Math.floor(b.y0 * sy) + top), x1: Math.min(image.width, Math.ceil(b.x1 * sx)), y1: Math.min(image.height, Math.ceil(b.y1 * sy) + top) };
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
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      sum += map[i]!;
      n++;
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
    const grow = (w * h * UNCLIP_RATIO) / (2 * (w + h));
    boxes.push({ x0: x0 - grow, y0: y0 - grow, x1: x1 + 1 + grow, y1: y1 + 1 + grow });
  }
  return boxes;
}

/** Boxes read at REC_HEIGHT in batches of similar widths (padded as PaddleOCR pads: zeros). */
async function recogniseBoxes(m: PaddleModels, image: GreyImage, boxes: readonly Box[]): Promise<PlacedWord[]> {
  const items = boxes
    .filter((b) => b.x1 - b.x0 >= 2 && b.y1 - b.y0 >= 2)
    .map((box) => ({ box, width: Math.max(16, Math.min(3200, Math.round((REC_HEIGHT * (box.x1 - box.x0)) / (box.y1 - box.y0)))) }))
    .sort((a, b) => a.width - b.width);
  const words: PlacedWord[] = [];
  for (let i = 0; i < items.length; ) {
    // A batch: up to REC_BATCH boxes, the widest at most a third wider than the narrowest.
    let j = i + 1;
    while (j < items.length && j - i < REC_BATCH && items[j]!.width <= items[i]!.width * 1.33 + 16) j++;
    const batch = items.slice(i, j);
    i = j;
    const width = batch[batch.length - 1]!.width;
    const plane = REC_HEIGHT * width;
    const input = new Float32Array(batch.length * 3 * plane);
    batch.forEach((b, k) => {
      const one = tensorOf(image, b.box, b.width, REC_HEIGHT, (v) => v / 127.5 - 1);
      for (let c = 0; c < 3; c++) for (let y = 0; y < REC_HEIGHT; y++) input.set(one.subarray(c * REC_HEIGHT * b.width + y * b.width, c * REC_HEIGHT * b.width + (y + 1) * b.width), (k * 3 + c) * plane + y * width);
    });
    const { data, steps, classes } = await m.recognise(input, batch.length, width);
    batch.forEach((b, k) => words.push(...decode(m.keys, data.subarray(k * steps * classes, (k + 1) * steps * classes), steps, classes, b.box, (width / steps) * ((b.box.x1 - b.box.x0) / b.width))));
  }
  return words;
}

/** CTC greedy decoding of one box: its characters as words split where the model reads a space; `step`: box pixels per step. */
function decode(keys: readonly string[], data: Float32Array, steps: number, classes: number, box: Box, step: number): PlacedWord[] {
  const words: PlacedWord[] = [];
  let current: { text: string; conf: number[]; first: number; last: number } | undefined;
  let previous = 0;
  const flush = () => {
    if (!current) return;
    const confidence = (100 * current.conf.reduce((a, b) => a + b, 0)) / current.conf.length;
    words.push({ text: current.text, confidence, x0: Math.round(box.x0 + current.first * step), y0: Math.round(box.y0), x1: Math.min(Math.round(box.x1), Math.round(box.x0 + (current.last + 1) * step)), y1: Math.round(box.y1) });
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
    if (best !== 0 && best !== previous) {
      const ch = keys[best] ?? '';
      if (ch === ' ') flush();
      else {
        current ??= { text: '', conf: [], first: t, last: t };
        current.text += ch;
        current.conf.push(p);
        current.last = t;
      }
    }
    previous = best;
  }
  flush();
  return words;
}
