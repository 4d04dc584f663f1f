// One @vladmandic/human instance per process on the tfjs WASM backend, models read from the npm
// package on disk. Nothing here touches the network: model files are served by a file:// load
// router registered on tfjs itself, so human's fetch-based loader is never reached.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as HumanTypes from '@vladmandic/human';
import type { Config, FaceResult, Human as HumanInstance, Point } from '@vladmandic/human';
import type { RgbImage } from './decode-image';
import { boxDownscale } from './image-ops';

const require = createRequire(import.meta.url);

type HumanModule = typeof HumanTypes;
type Tfjs = HumanInstance['tf'];

export interface EyeOpenness {
  /** Eye aspect ratio (Soukupová & Čech 2016) of the subject's left eye: ~0.25–0.35 open, < ~0.15 closed. */
  left: number;
  right: number;
}

export interface DetectedFace {
  /** [x, y, width, height] in pixels of the decoded image. */
  box: [number, number, number, number];
  score: number;
  embedding: number[];
  /** Degrees. Sign convention: see {@link yawFromFace}. */
  yaw: number;
  pitch: number;
  roll: number;
  eyes: EyeOpenness;
  /** 2D face-mesh landmarks in pixels (MediaPipe indexing, 468 or 478 points). Not persisted. */
  mesh: [number, number][];
}

export interface DetectOptions {
  /**
   * Compute the identity embedding (faceres, the costliest model: ~60% of a frame). Off, faces come
   * back with an empty `embedding` but the same box, angles, eyes and mesh.
   */
  embedding?: boolean;
}

export interface HumanEngine {
  /** Faces in the image, coordinates in the image's own pixels. */
  detect(image: RgbImage, options?: DetectOptions): Promise<DetectedFace[]>;
  readonly backend: string;
  /** Library version and embedding model: templates are only comparable within one id. */
  readonly id: string;
  /** Live tfjs tensors: flat across requests, or memory leaks with every face check. */
  tensorCount(): number;
}

export interface HumanEngineOptions {
  /** Faces beyond this are not reported; > 1 so that a second face in frame can be refused. */
  maxFaces?: number;
  minFaceConfidence?: number;
}

// The package's "exports" map has no "./"-prefixed subpaths, so only the bare specifier resolves
// (to dist/human.node.js); the WASM build sits beside it.
const humanDist = path.dirname(require.resolve('@vladmandic/human'));
const humanNodeWasm = path.join(humanDist, 'human.node-wasm.js');
const humanDir = path.dirname(humanDist);
const wasmDir = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), path.sep);
export const modelDir = path.join(humanDir, 'models');

function humanConfig(options: HumanEngineOptions): Partial<Config> {
  return {
    backend: 'wasm',
    wasmPath: wasmDir,
    wasmPlatformFetch: false,
    modelBasePath: pathToFileURL(path.join(modelDir, path.sep)).href,
    cacheModels: false,
    debug: false,
    async: true,
    warmup: 'none',
    // Each request is a set of independent stills, not a video stream: never reuse a previous
    // frame's result.
    cacheSensitivity: 0,
    skipAllowed: false,
    filter: { enabled: false },
    gesture: { enabled: false },
    face: {
      enabled: true,
      detector: {
        rotation: true,
        maxDetected: options.maxFaces ?? 4,
        minConfidence: options.minFaceConfidence ?? 0.5,
        skipFrames: 0,
        skipTime: 0,
        return: false,
      },
      mesh: { enabled: true },
      iris: { enabled: true },
      description: { enabled: true, skipFrames: 0, skipTime: 0 },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
      attention: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    segmentation: { enabled: false },
  } as Partial<Config>;
}

interface WeightsManifestEntry {
  paths: string[];
  weights: unknown[];
}

/** Serves `file://` model URLs from disk and refuses http(s) ones. */
function registerFileModelRouter(tf: Tfjs): void {
  tf.io.registerLoadRouter((url: string | string[]) => {
    if (typeof url === 'string' && /^https?:/i.test(url)) {
      // Claim http(s) URLs too, so that a misconfigured model path fails loudly instead of falling
      // through to tfjs's fetch-based loader.
      return {
        load: () =>
          Promise.reject(new Error(`face engine: refusing to load a model over the network: ${url}`)),
      };
    }
    if (typeof url !== 'string' || !url.startsWith('file://')) return null;
    const jsonPath = fileURLToPath(url);
    return {
      load: async () => {
        const json = JSON.parse(await readFile(jsonPath, 'utf8')) as {
          modelTopology: unknown;
          weightsManifest: WeightsManifestEntry[];
          format?: string;
          generatedBy?: string;
          convertedBy?: string | null;
          signature?: unknown;
          userDefinedMetadata?: Record<string, unknown>;
          modelInitializer?: unknown;
        };
        const dir = path.dirname(jsonPath);
        const buffers: Uint8Array[] = [];
        for (const group of json.weightsManifest) {
          for (const p of group.paths) buffers.push(await readFile(path.join(dir, p)));
        }
        const total = buffers.reduce((n, b) => n + b.byteLength, 0);
        const weightData = new Uint8Array(total);
        let offset = 0;
        for (const b of buffers) {
          weightData.set(b, offset);
          offset += b.byteLength;
        }
        return {
          modelTopology: json.modelTopology as object,
          weightSpecs: json.weightsManifest.flatMap((g) => g.weights) as never,
          weightData: weightData.buffer,
          format: json.format,
          generatedBy: json.generatedBy,
          convertedBy: json.convertedBy ?? null,
          signature: json.signature as object,
          userDefinedMetadata: json.userDefinedMetadata,
          modelInitializer: json.modelInitializer as object,
        };
      },
    };
  });
}

function dist(a: Point | undefined, b: Point | undefined): number {
  if (a === undefined || b === undefined) return 0;
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

// MediaPipe face-mesh indices for the six EAR points [corner, top, top, corner, bottom, bottom].
const RIGHT_EYE = [33, 160, 158, 133, 153, 144] as const;
const LEFT_EYE = [362, 385, 387, 263, 373, 380] as const;

function eyeAspectRatio(
  mesh: Point[],
  idx: readonly [number, number, number, number, number, number],
): number {
  const [p1, p2, p3, p4, p5, p6] = idx.map((i) => mesh[i]);
  const width = dist(p1, p4);
  if (width === 0) return 0;
  return (dist(p2, p6) + dist(p3, p5)) / (2 * width);
}

const MAX_DETECT_SIDE = 1280;

const toDegrees = (rad: number): number => (rad * 180) / Math.PI;

/**
 * human's yaw is measured from the 3D mesh. We report it so that a positive value means the subject
 * turned towards *their own* left in an unmirrored camera image (the image a webcam delivers; the
 * selfie preview is mirrored only for display).
 */
function yawFromFace(face: FaceResult): number {
  return -toDegrees(face.rotation?.angle.yaw ?? 0);
}

function toDetectedFace(face: FaceResult, scale: number): DetectedFace {
  return {
    box: [face.box[0] * scale, face.box[1] * scale, face.box[2] * scale, face.box[3] * scale],
    score: face.score,
    embedding: face.embedding ?? [],
    yaw: yawFromFace(face),
    pitch: toDegrees(face.rotation?.angle.pitch ?? 0),
    roll: toDegrees(face.rotation?.angle.roll ?? 0),
    // The mesh's "left eye" indices are the subject's left eye.
    eyes: { left: eyeAspectRatio(face.mesh, LEFT_EYE), right: eyeAspectRatio(face.mesh, RIGHT_EYE) },
    mesh: face.mesh.map((p) => [p[0] * scale, p[1] * scale]),
  };
}

async function createEngine(options: HumanEngineOptions): Promise<HumanEngine> {
  const humanModule = require(humanNodeWasm) as HumanModule;
  const human = new humanModule.Human(humanConfig(options));
  registerFileModelRouter(human.tf);
  await human.init();
  await human.load();
  if (human.tf.getBackend() !== 'wasm')
    throw new Error(`face engine: expected wasm backend, got ${human.tf.getBackend()}`);
  // human keeps per-instance state during detect; one request at a time per process.
  let queue: Promise<unknown> = Promise.resolve();
  const detectNow = async (image: RgbImage, embedding: boolean): Promise<DetectedFace[]> => {
    // The detector works on a 256 px input anyway; a phone photo at full size would only cost memory
    // (an int32 tensor of 12 MP is 144 MB).
    const factor = Math.ceil(Math.max(image.width, image.height) / MAX_DETECT_SIDE);
    const input = factor >= 2 ? boxDownscale(image, factor) : image;
    const scale = factor >= 2 ? factor : 1;
    const tensor = human.tf.tensor3d(input.data, [input.height, input.width, 3], 'int32');
    try {
      // human merges a per-call config into its own, so the switch is set explicitly on every call.
      const result = await human.detect(tensor, {
        face: { description: { enabled: embedding } },
      } as Partial<Config>);
      if (result.error) throw new Error(`face engine: ${result.error}`);
      return result.face.map((f) => toDetectedFace(f, scale));
    } finally {
      human.tf.dispose(tensor);
    }
  };
  return {
    backend: human.tf.getBackend(),
    id: `human@${human.version}/faceres`,
    tensorCount: () => human.tf.memory().numTensors,
    detect(image, options = {}) {
      const run = queue.then(() => detectNow(image, options.embedding ?? true));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

let shared: Promise<HumanEngine> | undefined;

/**
 * The id the engine will report (its `id`), known without loading it: the installed human release.
 * A demo start checks the stored portraits against it, so a restart does not load the model.
 */
export function humanEngineId(): string {
  const manifest = path.join(humanDir, 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return `human@${version}/faceres`;
}

/**
 * Loads the engine on first use (model load ≈ 0.4–1 s) and returns the same instance afterwards;
 * `options` only take effect on the call that loads it.
 */
export function getHumanEngine(options: HumanEngineOptions = {}): Promise<HumanEngine> {
  if (shared === undefined) {
    shared = createEngine(options);
    shared.catch(() => {
      shared = undefined;
    });
  }
  return shared;
}
