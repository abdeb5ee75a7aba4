// How many still pictures the app draws of an exercise: its start, its held position, and
// each middle key a clip names for a picture (the cow of cat-cow), as in clips.json.
import { readFileSync } from 'node:fs';

const clips = JSON.parse(readFileSync(new URL('../../assets/animation/clips.json', import.meta.url))).clips;

export function stillsOf(exerciseId) {
  const clip = clips.find((c) => c.exercise === exerciseId);
  if (!clip) throw new Error(`no clip for ${exerciseId}`);
  return 2 + clip.move.slice(0, -1).filter((k) => k.shows).length;
}
