// The real engine (wasm backend, package models) on crops of the face-api demo photos.
import { beforeAll, describe, expect, it } from 'vitest';
import { FaceError, MATCH_THRESHOLD, compareDescriptors, requireSingleFace } from '../../domain/face';
import { decodeImage } from './decode';
import { type FaceEngine, loadFaceEngine } from './engine';
import { FACES, NO_FACE_REGION, cameraFrame, regionJpeg, regionPixels, sideBySideJpeg } from './test-images';

let engine: FaceEngine;
beforeAll(async () => {
  engine = await loadFaceEngine();
});

/** Through JPEG bytes and the shipped decoder, as the command line does. */
const single = async (jpeg: Promise<Buffer>) => engine.detectSingle(await decodeImage(await jpeg));
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

describe('face engine (wasm, tiny detector then SSD)', () => {
  it('runs on the wasm backend and returns a 128-d descriptor per face', async () => {
    expect(engine.backend).toBe('wasm');
    const face = await single(regionJpeg(FACES.s1left, { margin: 0.8, width: 400 }));
    expect(face.descriptor).toHaveLength(128);
    expect(face.score).toBeGreaterThan(0.9);
  });

  it('finds the same face in a second, different picture of it closer than the threshold', async () => {
    // No person appears in two of the demo photos, so the "second photo" is the same face
    // recropped, mirrored, tilted, darkened and re-encoded at another size.
    for (const region of [FACES.s1left, FACES.s6middle]) {
      const a = await single(regionJpeg(region, { margin: 0.8, width: 400 }));
      const b = await single(regionJpeg(region, { margin: 1.1, width: 320, mirror: true, rotate: 8, darken: 0.3 }));
      const { distance, match } = compareDescriptors(a.descriptor, b.descriptor);
      expect(distance).toBeLessThan(MATCH_THRESHOLD);
      expect(match).toBe(true);
    }
  });

  it('keeps different people farther apart than the threshold', async () => {
    const people = [FACES.s1left, FACES.s1right, FACES.s3right, FACES.s5top, FACES.s6middle];
    const descriptors = [];
    for (const region of people) descriptors.push((await single(regionJpeg(region, { margin: 0.8, width: 400 }))).descriptor);
    for (let i = 0; i < descriptors.length; i++) {
      for (let j = i + 1; j < descriptors.length; j++) {
        const { distance, match } = compareDescriptors(descriptors[i]!, descriptors[j]!);
        expect(distance, `people ${i} and ${j}`).toBeGreaterThan(MATCH_THRESHOLD);
        expect(match).toBe(false);
      }
    }
  });

  it('takes a counter frame from the tiny detector, and the face still matches an enrolment made with SSD alone', async () => {
    const frame = await cameraFrame(FACES.s1left);
    const { faces, detector } = await engine.detectAllWith(frame);
    expect(detector).toBe('tiny');
    const ssdOnly = await loadFaceEngine({ detector: 'ssd' });
    const enrolled = requireSingleFace(await ssdOnly.detectAll(frame));
    expect(compareDescriptors(requireSingleFace(faces).descriptor, enrolled.descriptor).match).toBe(true);
    // A second picture of the same face (recropped, mirrored, tilted, darker) also matches the SSD enrolment.
    const again = await single(regionJpeg(FACES.s1left, { margin: 1.1, width: 320, mirror: true, rotate: 8, darken: 0.3 }));
    expect(compareDescriptors(again.descriptor, enrolled.descriptor).match).toBe(true);
  });

  it('falls back to SSD when the tiny detector finds nothing, and SSD refuses an empty scene', async () => {
    const { faces, detector } = await engine.detectAllWith(await regionPixels(NO_FACE_REGION, { width: 640, height: 480 }));
    expect(detector).toBe('ssd');
    expect(faces).toEqual([]);
  });

  it('refuses a picture without a face: NO_FACE', async () => {
    const error = await failure(single(regionJpeg(NO_FACE_REGION)));
    expect(error).toBeInstanceOf(FaceError);
    expect(error).toMatchObject({ code: 'NO_FACE', message: '未检测到人脸,请正对摄像头', faces: 0 });
  });

  it('refuses two faces side by side: MULTIPLE_FACES', async () => {
    const error = await failure(single(sideBySideJpeg(FACES.s1left, FACES.s6middle, { margin: 0.8, width: 400, height: 480 })));
    expect(error).toMatchObject({ code: 'MULTIPLE_FACES', message: '画面中有多张人脸,请只保留申请人一人', faces: 2 });
  });

  it('refuses a face too small to describe: LOW_QUALITY', async () => {
    const error = await failure(single(regionJpeg(FACES.s1left, { margin: 2, width: 300 })));
    expect(error).toMatchObject({ code: 'LOW_QUALITY' });
  });

  it('refuses bytes that are not a whole JPEG or PNG: BAD_IMAGE', async () => {
    const jpeg = await regionJpeg(FACES.s1left, { margin: 0.8, width: 400 });
    await expect(decodeImage(jpeg.subarray(0, jpeg.length / 2))).rejects.toMatchObject({ code: 'BAD_IMAGE' });
    await expect(decodeImage(new TextEncoder().encode('not an image'))).rejects.toMatchObject({ code: 'BAD_IMAGE' });
  });
});
