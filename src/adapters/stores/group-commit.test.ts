import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

describe('GroupCommit', () => {
  it('commits the items of one event-loop turn together and answers each submitter in order', async () => {
    const commits: number[][] = [];
    const group = new GroupCommit<number, number>(async (items) => {
      commits.push([...items]);
      return items.map((x) => x * 10);
    });
    const first = await Promise.all([group.submit(1), group.submit(2), group.submit(3)]);
    const second = await group.submit(4);
    expect(first).toEqual([10, 20, 30]);
    expect(second).toBe(40);
    expect(commits).toEqual([[1, 2, 3], [4]]);
  });

  it('settles nobody before the commit finishes, and fails every submitter of a failed commit', async () => {
    let finish: (() => void) | undefined;
    const group = new GroupCommit<string, void>(
      (items) =>
        new Promise((resolve, reject) => {
          finish = () => (items.includes('bad') ? reject(new Error('disk full')) : resolve([]));
        }),
    );
    let settled = 0;
    const a = group.submit('ok').finally(() => (settled += 1));
    const b = group.submit('bad').finally(() => (settled += 1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(finish).toBeDefined();
    expect(settled).toBe(0);
    finish!();
    await expect(a).rejects.toThrow('disk full');
    await expect(b).rejects.toThrow('disk full');
  });
});
