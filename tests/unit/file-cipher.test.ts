import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  chunkCount,
  chunkHash,
  FileSealer,
  newDataKey,
  openChunk,
  sealChunk,
  unwrapDataKey,
  wrapDataKey,
} from '../../src-main/vault/file-cipher';

const FILE = '01900000-0000-7000-8000-000000000001';
const OTHER = '01900000-0000-7000-8000-000000000002';

describe('a sealed chunk', () => {
  const key = newDataKey();
  const plain = Buffer.from('二〇二六年客房布草洗涤合同 第一页');
  const sealed = sealChunk(key, FILE, 3, false, plain);

  it('is ciphertext and a 16-byte tag, known by the SHA-256 of those bytes', () => {
    expect(sealed.bytes.length).toBe(plain.length + 16);
    expect(sealed.bytes.includes(plain)).toBe(false);
    expect(sealed.hash).toBe(chunkHash(sealed.bytes));
  });

  it('opens under its key, file, place and last-ness only', () => {
    expect(openChunk(key, FILE, 3, false, sealed.bytes)).toEqual(plain);
    expect(openChunk(newDataKey(), FILE, 3, false, sealed.bytes)).toBeNull();
    expect(openChunk(key, OTHER, 3, false, sealed.bytes)).toBeNull();
    expect(openChunk(key, FILE, 2, false, sealed.bytes)).toBeNull();
    expect(openChunk(key, FILE, 3, true, sealed.bytes)).toBeNull();
    expect(openChunk(key, FILE, 3, false, sealed.bytes.subarray(0, 10))).toBeNull();
  });

  it('does not open with any one bit flipped', () => {
    for (const at of [0, Math.floor(sealed.bytes.length / 2), sealed.bytes.length - 1]) {
      const flipped = Buffer.from(sealed.bytes);
      flipped[at]! ^= 0x01;
      expect(openChunk(key, FILE, 3, false, flipped)).toBeNull();
    }
  });
});

describe('a file sealer', () => {
  it.each([
    { size: 1, chunkSize: 4, chunks: 1 },
    { size: 4, chunkSize: 4, chunks: 1 },
    { size: 5, chunkSize: 4, chunks: 2 },
    { size: 8, chunkSize: 4, chunks: 2 },
    { size: 9, chunkSize: 4, chunks: 3 },
  ])('cuts $size bytes into $chunks chunks of $chunkSize', ({ size, chunkSize, chunks }) => {
    expect(chunkCount(size, chunkSize)).toBe(chunks);
    const sealer = new FileSealer(FILE, size, chunkSize);
    expect(sealer.expectedLength(chunks - 1)).toBe(size - chunkSize * (chunks - 1));
  });

  it('takes the chunks in order at their exact length only, and gives the digest of the whole original, twice alike', () => {
    const original = randomBytes(10);
    const sealer = new FileSealer(FILE, original.length, 4);
    expect(sealer.push(1, original.subarray(4, 8))).toBe(false);
    expect(sealer.push(0, original.subarray(0, 3))).toBe(false);
    expect(() => sealer.digest()).toThrow();
    const sealed = [0, 1, 2].map((index) => sealer.push(index, original.subarray(index * 4, index * 4 + 4)));
    expect(sealed.every(Boolean)).toBe(true);
    expect(sealer.push(3, Buffer.alloc(0))).toBe(false);
    expect(sealer.complete).toBe(true);
    const digest = sealer.digest();
    expect(sealer.digest()).toBe(digest);
    const opened = sealed.map((chunk, index) =>
      chunk ? openChunk(sealer.dataKey, FILE, index, index === 2, chunk.bytes) : null,
    );
    expect(Buffer.concat(opened.map((part) => part ?? Buffer.alloc(0)))).toEqual(original);
  });
});

describe('a wrapped data key', () => {
  const archiveKey = randomBytes(32);
  const dataKey = newDataKey();
  const wrapped = wrapDataKey(archiveKey, FILE, dataKey);

  it('unwraps for its own file under the archive key that wrapped it, and for nothing else', () => {
    expect(unwrapDataKey(archiveKey, FILE, wrapped)).toEqual(dataKey);
    expect(unwrapDataKey(archiveKey, OTHER, wrapped)).toBeNull();
    expect(unwrapDataKey(randomBytes(32), FILE, wrapped)).toBeNull();
    expect(Buffer.from(wrapped, 'base64').includes(dataKey)).toBe(false);
  });
});
