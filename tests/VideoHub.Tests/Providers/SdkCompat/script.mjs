// Drives the local provider with the official `openai` npm package, unchanged, pointed at its base URL.
// Run by SdkCompatibilityTests.cs: node script.mjs (env VIDEOHUB_BASE_URL, VIDEOHUB_API_KEY, VIDEOHUB_CLIP, VIDEOHUB_IMAGE).
import fs from 'node:fs';
import OpenAI from 'openai';

const client = new OpenAI({ baseURL: process.env.VIDEOHUB_BASE_URL, apiKey: process.env.VIDEOHUB_API_KEY, timeout: 60_000 });
const report = {};
const check = (condition, message) => { if (!condition) throw new Error(message); };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function finished(id) {
  for (;;) {
    const video = await client.videos.retrieve(id);
    if (video.status === 'completed' || video.status === 'failed') {
      check(video.status === 'completed', `video ${id} failed: ${JSON.stringify(video.error)}`);
      return video;
    }
    await sleep(100);
  }
}

const character = await client.videos.createCharacter({ name: 'Mossy', video: fs.createReadStream(process.env.VIDEOHUB_CLIP) });
check(character.id.startsWith('char_') && character.name === 'Mossy', 'createCharacter');
check((await client.videos.getCharacter(character.id)).name === 'Mossy', 'getCharacter');
report.characters = character.id;

// `characters` is not in the SDK's types; the guide sends it as an extra field, which the SDK encodes as characters[][id].
const created = await client.videos.create({
  prompt: 'Mossy waves hello', model: 'sora-2', size: '1280x720', seconds: '4',
  input_reference: fs.createReadStream(process.env.VIDEOHUB_IMAGE), characters: [{ id: character.id }],
});
check(created.status === 'queued' && created.seconds === '4' && created.size === '1280x720', 'create');
const video = await finished(created.id);
report.create = video.id;

const seen = [];
for await (const item of client.videos.list({ limit: 1, order: 'desc' })) seen.push(item.id);
check(seen.includes(video.id), 'list (auto-paginated with after)');
report.list = seen.length;

const content = Buffer.from(await (await client.videos.downloadContent(video.id)).arrayBuffer());
check(content.subarray(4, 8).toString() === 'ftyp', 'download video');
const thumbnail = Buffer.from(await (await client.videos.downloadContent(video.id, { variant: 'thumbnail' })).arrayBuffer());
check(thumbnail.subarray(8, 12).toString() === 'WEBP', 'download thumbnail');
report.download = content.length;

const remix = await finished((await client.videos.remix(video.id, { prompt: 'Mossy waves at night' })).id);
check(remix.remixed_from_video_id === video.id, 'remix');
report.remix = remix.id;

const extension = await finished((await client.videos.extend({ video: { id: video.id }, prompt: 'Mossy walks on', seconds: '4' })).id);
check(extension.seconds === '8', `extend gave ${extension.seconds} s`);
report.extend = extension.id;

const edit = await finished((await client.videos.edit({ video: { id: video.id }, prompt: 'make the sky green' })).id);
report.edit = edit.id;

const deleted = await client.videos.delete(edit.id);
check(deleted.deleted === true && deleted.id === edit.id, 'delete');
report.delete = deleted.id;

try {
  await client.videos.create({ prompt: 'x', seconds: '10' });
  throw new Error('seconds 10 was accepted');
} catch (error) {
  check(error instanceof OpenAI.BadRequestError && error.param === 'seconds', `error mapping: ${error}`);
  report.error = error.message;
}

console.log(JSON.stringify(report));
