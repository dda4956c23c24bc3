import { timeBox } from './time-box';

describe('timeBox', () => {
  it.each<[string, number, number, boolean]>([
    ['work faster than the box → its value', 5, 200, true],
    ['work slower than the box → done: false', 200, 20, false],
  ])('%s', async (_name, workMs, boxMs, done) => {
    const work = new Promise<string>((resolve) => setTimeout(() => resolve('v'), workMs));
    const result = await timeBox(work, boxMs);
    expect(result).toEqual(done ? { done: true, value: 'v' } : { done: false });
    await work;
  });
});
