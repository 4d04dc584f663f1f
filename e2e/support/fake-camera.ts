import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDir, repoRoot } from './paths';

/**
 * Chromium's fake camera shows a video made from test photo A (the face enrolled for 陈志明 and
 * 刘芳 by the demo seed). One loop is neutral → eyes closed → neutral → mirrored; the platform runs
 * with SHANGTONG_FACE_FIXED_CHALLENGE (a test-only setting) so the challenge asks for what the video
 * shows, and liveness is still judged on the frames by the real face engine.
 */
export const FAKE_CAMERA = join(generatedDir, 'fake-camera-person-a.y4m');
export const FIXED_CHALLENGE = { SHANGTONG_FACE_FIXED_CHALLENGE: 'blink,turn-right,turn-left' };

export const fakeCameraArgs = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  `--use-file-for-fake-video-capture=${FAKE_CAMERA}`,
];

/** Writes the video once per checkout (it is generated, never committed). */
export const ensureFakeCamera = (): void => {
  if (existsSync(FAKE_CAMERA)) return;
  const args = [
    'scripts/make-fake-camera.ts',
    '--photo',
    'e2e/fixtures/faces/person-a-camera.jpg',
    '--out',
    FAKE_CAMERA,
    '--fps',
    '10',
    '--loops',
    '3',
  ];
  const r = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`make-fake-camera failed:\n${r.stdout}\n${r.stderr}`);
};
