// The face section of npm run bench: one attempt's server time against one embedding measured in
// the same run (issue 13, goal 4: ≤ 3×), and the every-frame path it replaced, also in this run.
import { benchFaceVerification } from './face';
import { fmtMs, type Section } from './report';

export async function faceBenchSection(quick: boolean): Promise<Section> {
  const attempts = quick ? 3 : 10;
  const r = await benchFaceVerification(attempts, 8);
  const ratio = (ms: number): string => `${(ms / r.embeddingP50Ms).toFixed(1)}×`;
  return {
    title: 'Face verification',
    method: `HumanFaceVerifier.verify() on 8 camera frames (640×480 JPEG) with a liveness challenge, ${attempts} attempts, WASM backend, server side. One embedding = detection with the identity model minus detection without it, on the same decoded frame, interleaved with the attempts. "Every frame" = decode + detect + embedding of the same 8 frames (what verify() did before continuity), same run.`,
    rows: [
      ['model load (first use in a process)', fmtMs(r.loadMs)],
      ['one embedding p50 (baseline)', fmtMs(r.embeddingP50Ms)],
      [
        'server time per attempt p50 / p95',
        `${fmtMs(r.p50Ms)} / ${fmtMs(r.p95Ms)} = **${ratio(r.p50Ms)}** one embedding (goal ≤ 3×)`,
      ],
      ['every frame embedded, p50 (before)', `${fmtMs(r.everyFrameP50Ms)} = ${ratio(r.everyFrameP50Ms)}`],
      ['per frame p50 (attempt / 8)', fmtMs(r.perFrameP50Ms)],
    ],
  };
}
