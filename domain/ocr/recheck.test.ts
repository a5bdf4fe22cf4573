import { describe, expect, it } from 'vitest';
import type { GreyImage } from './image';
import type { Recognised, Recogniser, RecogniseMode } from './pipeline';
import { type Decision, type PageSheet, recheckValues } from './recheck';
import { REREAD_GLYPH_PX } from './reread';
import type { PlacedWord } from './stack';

/** Answers each call with the next scripted text, recording the mode and image height asked for. */
class ScriptedRecogniser implements Recogniser {
  readonly calls: { mode: RecogniseMode; height: number }[] = [];
  private readonly texts: string[];
  /** `perRegion`: the texts for each region in turn, one per re-read height (the last repeats). */
  constructor(perRegion: string[][]) {
    this.texts = perRegion.flatMap((texts) => REREAD_GLYPH_PX.map((_, i) => texts[Math.min(i, texts.length - 1)]!));
  }
  recognise(image: GreyImage, mode: RecogniseMode): Promise<Recognised> {
    this.calls.push({ mode, height: image.height });
    const text = this.texts.shift() ?? '';
    return Promise.resolve({ text, confidence: 80, words: [] });
  }
}

const blank = (width: number, height: number): GreyImage => ({ width, height, data: new Uint8Array(width * height).fill(255) });
const word = (text: string, x0: number): PlacedWord => ({ text, confidence: 90, x0, x1: x0 + 20, y0: 10, y1: 30 });

function sheetOf(regionCount: number): PageSheet {
  return {
    regions: Array.from({ length: regionCount }, (_, i) => ({ rect: { x: 0, y: 0, width: 100, height: 20 }, line: 0, col: i, kind: 'cell' as const })),
    images: Array.from({ length: regionCount }, () => blank(120, 40)),
    factor: 1,
    glyphPx: 20,
    stacked: { image: blank(400, 60), slots: Array.from({ length: regionCount }, (_, i) => ({ x0: i * 130, x1: i * 130 + 120, y0: 0, y1: 40, top: 0 })) },
  };
}

describe('recheckValues', () => {
  it('reads a relation cell alone as one line at each re-read height and snaps the vote to the vocabulary', async () => {
    const recogniser = new ScriptedRecogniser([['子', '芒', '子', '芒', '子']]);
    const words = [[word('芒', 10)]];
    const out = await recheckValues([{ field: 'relation', line: 0, text: '芒', kind: 'relation' }], [0], words, sheetOf(1), recogniser);
    expect(out[0]!.map((w) => w.text)).toEqual(['子']);
    expect(recogniser.calls.map((c) => c.mode)).toEqual(REREAD_GLYPH_PX.map(() => 'line'));
    // Glyphs 20 px tall in a 40 px image: read at each re-read glyph height.
    expect(recogniser.calls.map((c) => c.height)).toEqual(REREAD_GLYPH_PX.map((h) => 2 * h));
  });

  it('replaces only the name inside a line, by majority of the readings', async () => {
    const recogniser = new ScriptedRecogniser([['兹证明沈雪(身份', '兹证明尤雪(身份', '兹证明沈雪(身份']]);
    const words = [['兹', '证', '明', '尤', '雪', '(', '身', '份'].map((t, i) => word(t, i * 22))];
    const decided = new Map<string, Decision>();
    const out = await recheckValues([{ field: 'name', line: 0, text: '尤雪', kind: 'name' }], [0], words, sheetOf(1), recogniser, decided);
    expect(out[0]!.map((w) => w.text).join('')).toBe('兹证明沈雪(身份');
    // Three of the four heights read 沈雪 (the last scripted text repeats).
    expect(decided.get('name')).toEqual({ text: '沈雪', votes: 3 });
  });

  it('takes a name’s last character the first pass missed when the re-readings find it before what follows', async () => {
    const recogniser = new ScriptedRecogniser([['姓名陈婷晓性别女', '姓名陈婷性别女', '姓名陈婷晓性别女', '姓名陈婷晓性别女']]);
    const words = [[word('姓名', 0), word('陈婷', 40), word('性别女', 80)]];
    const decided = new Map<string, Decision>();
    const out = await recheckValues([{ field: 'name', line: 0, text: '陈婷', kind: 'name' }], [0], words, sheetOf(1), recogniser, decided);
    expect(out[0]!.map((w) => w.text).join('')).toBe('姓名陈婷晓性别女');
    expect(decided.get('name')).toEqual({ text: '陈婷晓', votes: 3 });
  });

  it('takes a surname the first pass missed when the re-readings read it before the name, counting those readings once', async () => {
    const recogniser = new ScriptedRecogniser([['魏超博男28岁', '魏超博男28岁', '超博男28岁', '魏超博男28岁']]);
    const words = [[word('超博', 0), word('男', 40), word('28岁', 60)]];
    const decided = new Map<string, Decision>();
    const out = await recheckValues([{ field: 'name', line: 0, text: '超博', kind: 'name' }], [0], words, sheetOf(1), recogniser, decided);
    expect(out[0]!.map((w) => w.text).join('')).toBe('魏超博男28岁');
    expect(decided.get('name')).toEqual({ text: '魏超博', votes: 1 });
    // A character before a name that already starts with a surname, or one that makes no surname, is not taken.
    const kept = new Map<string, Decision>();
    await recheckValues([{ field: 'name', line: 0, text: '明斌', kind: 'name' }], [0], [[word('明斌', 0), word('男', 40)]], sheetOf(1), new ScriptedRecogniser([['赵明斌男']]), kept);
    expect(kept.get('name')!.text).toBe('明斌');
    const junk = new Map<string, Decision>();
    await recheckValues([{ field: 'name', line: 0, text: '超博', kind: 'name' }], [0], [[word('超博', 0), word('男', 40)]], sheetOf(1), new ScriptedRecogniser([['的超博男']]), junk);
    expect(junk.get('name')!.text).toBe('超博');
  });

  it('puts in the recogniser’s runner-up where a name holds a character no name has, as a repair to check', async () => {
    // Each height reads 郭异盐; at 异 the runners-up are 屏 and 昇, at 盐 喆 and 蓝 (as PaddleOCR gave them on a 65 dpi scan).
    const alternatives = [['享'], ['屏', '昇'], ['喆', '蓝']];
    const recogniser: Recogniser = { recognise: async () => ({ text: '郭异盐', confidence: 60, words: [{ ...word('郭异盐', 0), alternatives }] }) };
    const words = [[word('姓名', 0), word('郭异盐', 40)]];
    const decided = new Map<string, Decision>();
    const out = await recheckValues([{ field: 'name', line: 0, text: '郭异盐', kind: 'name' }], [0], words, sheetOf(1), recogniser, decided);
    expect(out[0]!.map((w) => w.text).join('')).toBe('姓名郭昇喆');
    expect(decided.get('name')).toEqual({ text: '郭昇喆', votes: 0, shaped: { from: '郭异盐', put: ['昇', '喆'], by: 'runner-up' } });
    // A name already made of name characters keeps what was read, whatever the runners-up.
    const usual: Recogniser = { recognise: async () => ({ text: '郭明', confidence: 60, words: [{ ...word('郭明', 0), alternatives: [[], ['昇']] }] }) };
    const kept = new Map<string, Decision>();
    await recheckValues([{ field: 'name', line: 0, text: '郭明', kind: 'name' }], [0], [[word('郭明', 0)]], sheetOf(1), usual, kept);
    expect(kept.get('name')).toEqual({ text: '郭明', votes: 4 });
  });

  it('puts in runners-up before a title read on after the name, and where a name holds 地 (no parent’s choice)', async () => {
    // PaddleOCR on a 65 dpi letter: the first pass took 专佳女土 for the name; each re-reading gives 本佳女士 with 李 next at 本.
    const line = '本佳女士,身份证号:360102197203061244';
    const alternatives = [['李', '有', '专'], ['住', '往'], [], ['土'], ...Array.from({ length: line.length - 4 }, () => [])];
    const titled: Recogniser = { recognise: async () => ({ text: line, confidence: 90, words: [{ ...word(line, 0), alternatives }] }) };
    const decided = new Map<string, Decision>();
    const out = await recheckValues([{ field: 'name', line: 0, text: '专佳女土', kind: 'name' }], [0], [[word('专佳女土,身份证号:360102197203061244', 0)]], sheetOf(1), titled, decided);
    expect(out[0]!.map((w) => w.text).join('')).toBe('李佳女士,身份证号:360102197203061244');
    expect(decided.get('name')).toEqual({ text: '李佳女士', votes: 0, shaped: { from: '本佳女士', put: ['李'], by: 'runner-up' } });
    const earth: Recogniser = { recognise: async () => ({ text: '任地', confidence: 92, words: [{ ...word('任地', 0), alternatives: [[], ['艳', '轮']] }] }) };
    const out2 = await recheckValues([{ field: 'name', line: 0, text: '任地', kind: 'name' }], [0], [[word('户名', 0), word('任地', 40)]], sheetOf(1), earth);
    expect(out2[0]!.map((w) => w.text).join('')).toBe('户名任艳');
  });

  it('puts in the runner-up that makes a transliterated part a common given name, and keeps a rare part read whole', async () => {
    // Each height reads 古丽·阿不部 with 都 next at 部 (PaddleOCR on a 65 dpi household page).
    const alternatives = [[], [], ['.'], [], [], ['都']];
    const recogniser: Recogniser = { recognise: async () => ({ text: '古丽·阿不部', confidence: 96, words: [{ ...word('古丽·阿不部', 0), alternatives }] }) };
    const decided = new Map<string, Decision>();
    const out = await recheckValues([{ field: 'name', line: 0, text: '古丽·阿不部', kind: 'name' }], [0], [[word('姓名', 0), word('古丽·阿不部', 40)]], sheetOf(1), recogniser, decided);
    expect(out[0]!.map((w) => w.text).join('')).toBe('姓名古丽·阿不都');
    expect(decided.get('name')).toEqual({ text: '古丽·阿不都', votes: 0, shaped: { from: '古丽·阿不部', put: ['都'], by: 'runner-up' } });
    // A part no list holds, read alike every time, stays; one cut short to common parts does not outvote it.
    const rare = new ScriptedRecogniser([['艾力·阿不都热依木', '艾力·阿不都热依木', '艾力·阿不都']]);
    const kept = await recheckValues([{ field: 'name', line: 0, text: '艾力·阿不都热依木', kind: 'name' }], [0], [[word('艾力·阿不都热依木', 0)]], sheetOf(1), rare);
    expect(kept[0]!.map((w) => w.text).join('')).toBe('艾力·阿不都热依木');
  });

  it('prefers the reading whose given name is made of name characters, even outvoted', async () => {
    const recogniser = new ScriptedRecogniser([['杜存', '杜存', '杜存', '杜慧']]);
    const words = [[word('杜', 0), word('存', 22)]];
    const decided = new Map<string, Decision>();
    const out = await recheckValues([{ field: 'name', line: 0, text: '杜存', kind: 'name' }], [0], words, sheetOf(1), recogniser, decided);
    expect(out[0]!.map((w) => w.text).join('')).toBe('杜慧');
    // With no such reading the majority stands.
    const none = await recheckValues([{ field: 'name', line: 0, text: '杜存', kind: 'name' }], [0], words, sheetOf(1), new ScriptedRecogniser([['杜存', '杜存', '杜戏']]));
    expect(none[0]!.map((w) => w.text).join('')).toBe('杜存');
  });

  it('keeps the first reading when the new readings hold nothing', async () => {
    const recogniser = new ScriptedRecogniser([['']]);
    const words = [[word('何', 0), word('涵', 22)]];
    const out = await recheckValues([{ field: 'name', line: 0, text: '何涵', kind: 'name' }], [0], words, sheetOf(1), recogniser);
    expect(out[0]!.map((w) => w.text).join('')).toBe('何涵');
  });

  it('keeps a minority name read with its middle dot against scattered re-readings without it (a stamp over the name)', async () => {
    const name = '玛依拉·托合提';
    const words = [[...name].map((t, i) => word(t, i * 22))];
    const scattered = new ScriptedRecogniser([['玛核抵合提', '玛依拔托合拟', '玛依按托合', '玛核托合提']]);
    const kept = await recheckValues([{ field: 'name', line: 0, text: name, kind: 'name' }], [0], words, sheetOf(1), scattered);
    expect(kept[0]!.map((w) => w.text).join('')).toBe(name);
    // Re-readings that agree on a name without the dot still decide it.
    const agreeing = new ScriptedRecogniser([['玛依拉托合提']]);
    const decided = await recheckValues([{ field: 'name', line: 0, text: name, kind: 'name' }], [0], words, sheetOf(1), agreeing);
    expect(decided[0]!.map((w) => w.text).join('')).toBe('玛依拉托合提');
  });

  it('pools the holder with the one party printing the same name', async () => {
    // Three regions: holder line, party 1 line, party 2 line (each read three times).
    const recogniser = new ScriptedRecogniser([
      ['梁营', '梁萱', '梁萱'],
      ['梁营', '梁营', '梁萱'],
      ['张伟'],
    ]);
    const sheet = sheetOf(3);
    const regions = sheet.regions.map((r, i) => ({ ...r, line: i }));
    const words = [[word('梁', 0), word('营', 22)], [word('梁', 0), word('营', 22)], [word('张', 0), word('伟', 22)]];
    const out = await recheckValues(
      [
        { field: 'holder', line: 0, text: '梁营', kind: 'name', oneOf: ['party1Name', 'party2Name'] },
        { field: 'party1Name', line: 1, text: '梁营', kind: 'name' },
        { field: 'party2Name', line: 2, text: '张伟', kind: 'name' },
      ],
      [0, 1, 2],
      words,
      { ...sheet, regions },
      recogniser,
    );
    // Alone the holder would vote 梁萱 and party 1 梁营; pooled, both take the same text.
    const texts = out.map((ws) => ws.map((w) => w.text).join(''));
    expect(texts[0]).toBe(texts[1]);
    expect(texts[2]).toBe('张伟');
  });
});
