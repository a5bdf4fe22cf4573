// The model-independent part of the PaddleOCR recogniser, with models that answer what a test
// says: DB boxes from a probability map, CTC decoding, lines and cells assembled.
import { describe, expect, it } from 'vitest';
import { boxesOf, type PaddleModels, PaddleRecogniser, paddleKeys, spreadGutter } from './paddle';

describe('DB boxes', () => {
  it('finds each confident connected part and grows it by the unclip distance; a faint part is dropped', () => {
    const w = 100;
    const h = 40;
    const map = new Float32Array(w * h);
    const fill = (x0: number, y0: number, x1: number, y1: number, p: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) map[y * w + x] = p;
    };
    fill(10, 10, 40, 20, 0.9); // 30 × 10
    fill(60, 10, 90, 20, 0.45); // above the map threshold, below the box threshold
    const boxes = boxesOf(map, w, h);
    expect(boxes).toHaveLength(1);
    const grow = (30 * 10 * 1.5) / (2 * 40);
    expect(boxes[0]).toEqual({ x0: 10 - grow, y0: 10 - grow, x1: 40 + grow, y1: 20 + grow });
  });

  it('gives a slanting line (a page scanned askew) a box turned with it, as thick as the line, not its upright bounds', () => {
    const w = 400;
    const h = 60;
    const map = new Float32Array(w * h);
    const slope = Math.tan((2 * Math.PI) / 180);
    // A band 300 long and 8 thick, rising 2° to the right (y runs down: a negative angle).
    for (let x = 50; x < 350; x++) for (let t = 0; t < 8; t++) map[Math.round(40 - (x - 50) * slope + t) * w + x] = 0.9;
    const [box] = boxesOf(map, w, h);
    expect(box!.angle! * (180 / Math.PI)).toBeCloseTo(-2, 0);
    // Upright, the band's bounds are 18 tall; turned, the box is about the band's 8 plus the unclip.
    const grow = (300 * 8 * 1.5) / (2 * 308);
    expect(box!.y1 - box!.y0).toBeLessThan(8 + 2 * grow + 3);
    expect(box!.x1 - box!.x0).toBeGreaterThan(300);
    // A level line keeps its upright box.
    const level = new Float32Array(w * h);
    for (let x = 50; x < 350; x++) for (let y = 20; y < 28; y++) level[y * w + x] = 0.9;
    expect(boxesOf(level, w, h)[0]!.angle).toBeUndefined();
  });
});

/** Models over a 200 × 60 page: two boxes on one line far apart (or `boxes`); each box reads as the steps given; each line classified upside down with `upsideDown`. */
function fakeModels(steps: readonly (readonly string[])[], options: { boxes?: readonly (readonly [number, number, number, number])[]; upsideDown?: number; runnersUp?: Readonly<Record<string, readonly (readonly [string, number])[]>> } = {}): PaddleModels {
  const keys = paddleKeys('姓\n名\n张\n三\n');
  const classes = keys.length;
  let call = 0;
  return {
    keys,
    async detect(_input, height, width) {
      const map = new Float32Array(height * width);
      for (const [x0, y0, x1, y1] of options.boxes ?? [[4, 20, 40, 36], [120, 20, 180, 36]]) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) map[y * width + x] = 0.95;
      return map;
    },
    async classify(_input, batch) {
      const p = options.upsideDown ?? 0;
      return Float32Array.from({ length: batch * 2 }, (_, i) => (i % 2 === 1 ? p : 1 - p));
    },
    async recognise(_input, batch) {
      const n = 10;
      const data = new Float32Array(batch * n * classes);
      for (let b = 0; b < batch; b++) {
        const seq = steps[call++] ?? [];
        for (let t = 0; t < n; t++) {
          data[(b * n + t) * classes + Math.max(0, keys.indexOf(seq[t] ?? ''))] = 0.9;
          for (const [ch, p] of options.runnersUp?.[seq[t] ?? ''] ?? []) data[(b * n + t) * classes + keys.indexOf(ch)] = p;
        }
      }
      return { data, steps: n, classes };
    },
    async release() {},
  };
}

describe('PaddleRecogniser', () => {
  it('reads the dictionary with a blank first and a space last', () => {
    expect(paddleKeys('姓\r\n名\n')).toEqual(['', '姓', '名', ' ']);
  });

  it('collapses a character held over steps, keeps one repeated across a blank, and joins boxes of a line as cells', async () => {
    // Boxes are read narrowest first: the second (wider) box is read second.
    const r = new PaddleRecogniser(async () => fakeModels([['姓', '姓', '', '名', '名'], ['张', '', '三', '', '三']]));
    const page = { width: 200, height: 60, data: new Uint8Array(200 * 60).fill(255) };
    const read = await r.recognise(page, 'page');
    expect(read.text).toBe('姓名  张三三\n');
    expect(read.words.map((w) => w.text)).toEqual(['姓名', '张三三']);
    expect(read.confidence).toBeCloseTo(90, 5);
    expect(read.words[1]!.x0).toBeGreaterThan(read.words[0]!.x1);
  });

  it('keeps each character’s runners-up over the steps it is held, likeliest first, and none too unlikely', async () => {
    const r = new PaddleRecogniser(async () => fakeModels([['张', '张', '', '三']], { runnersUp: { 张: [['姓', 0.03], ['名', 0.05]], 三: [['名', 0.01]] } }));
    const read = await r.recognise({ width: 200, height: 60, data: new Uint8Array(200 * 60).fill(255) }, 'line');
    expect(read.words.map((w) => [w.text, w.alternatives])).toEqual([['张三', [['名', '姓'], []]]]);
  });

  it('splits words where the model reads a space, and reads a line without detection', async () => {
    const r = new PaddleRecogniser(async () => fakeModels([['张', ' ', '三']]));
    const read = await r.recognise({ width: 120, height: 24, data: new Uint8Array(120 * 24).fill(255) }, 'line');
    expect(read.words.map((w) => w.text)).toEqual(['张', '三']);
    expect(read.text).toBe('张 三\n');
  });
});

describe('the way a page lies', () => {
  const page = { width: 200, height: 60, data: new Uint8Array(200 * 60).fill(255) };
  const along: [number, number, number, number][] = [[4, 4, 90, 14], [4, 20, 120, 30], [4, 40, 150, 50]];
  const onEnd: [number, number, number, number][] = [[10, 2, 18, 58], [40, 2, 48, 50], [80, 2, 88, 40]];

  // The three lines are read turned over first, then as they lie: these readings make the turned ones the surer.
  const surerTurned = [['张', '三'], ['姓', '名'], ['张'], [], [], []];

  it('keeps a page upright unless its lines clearly stand upside down', async () => {
    const orient = (upsideDown: number) => new PaddleRecogniser(async () => fakeModels(surerTurned, { boxes: along, upsideDown })).orientation(page);
    expect(await orient(0.02)).toBe(0);
    expect(await orient(0.55)).toBe(0);
    expect(await orient(0.97)).toBe(180);
  });

  it('keeps a page upright when the classifier says upside down but its lines read surer as they lie', async () => {
    const surerUpright = [[], [], [], ['张', '三'], ['姓', '名'], ['张']];
    expect(await new PaddleRecogniser(async () => fakeModels(surerUpright, { boxes: along, upsideDown: 0.97 })).orientation(page)).toBe(0);
  });

  it('turns a page whose lines stand on end a quarter, one way or the other as the classifier says', async () => {
    const orient = (upsideDown: number) => new PaddleRecogniser(async () => fakeModels([], { boxes: onEnd, upsideDown })).orientation(page);
    expect(await orient(0.1)).toBe(90);
    expect(await orient(0.9)).toBe(270);
  });

  it('takes a page without text lines as upright', async () => {
    expect(await new PaddleRecogniser(async () => fakeModels([], { boxes: [], upsideDown: 1 })).orientation(page)).toBe(0);
  });
});

describe('a two-page spread', () => {
  const word = (text: string, x0: number, y0: number, width = 120) => ({ text, confidence: 90, x0, y0, x1: x0 + width, y1: y0 + 30 });
  // Rows of a left page (x 100..500) and a right page (x 1100..1500), 2000 wide and 600 tall.
  const spread = [0, 1, 2, 3, 4].flatMap((r) => [word(`左${r}`, 100, 80 + r * 100, 400), word(`右${r}`, 1100, 80 + r * 100, 400)]);

  it('finds the fold of a spread wider than tall, and none on a page of two columns', () => {
    const fold = spreadGutter(spread);
    expect(fold).toBeGreaterThan(500);
    expect(fold).toBeLessThan(1100);
    // The same columns on a portrait page: its rows stay whole (a label over its value beside the other column's).
    expect(spreadGutter(spread.map((w) => ({ ...w, y0: w.y0 * 4, y1: w.y1 * 4 })))).toBeUndefined();
    // A title across the middle: no fold.
    expect(spreadGutter([...spread, word('标题', 700, 20, 600)])).toBeUndefined();
  });
});
