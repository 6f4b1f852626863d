import { beforeAll, describe, expect, it } from 'vitest';
import i18n from '@/lib/i18n';
import { ApiProblem } from '@/api/problem';
import type { Swap } from '../api/get-swaps';
import { heldReason, isOpen, offersFor, openSwapOn, swapPair, swapProblemMessage, swapsOf, swapStory, waitingForStaff } from './swaps';

const swap = (over: Partial<Swap>): Swap => ({
  id: 's1',
  night: '2026-12-05',
  assignment_id: 'a1',
  offered_by: 'zhang',
  offered_by_name: '张三',
  taken_by: null,
  taken_by_name: null,
  status: 'offered',
  note: '',
  held_because: null,
  version: 1,
  created_at: '2026-11-28T03:00:00Z',
  ...over,
});

const t = i18n.t.bind(i18n);

describe('which swaps go where', () => {
  const swaps = [
    swap({ id: 'mine', offered_by: 'me', offered_by_name: '我' }),
    swap({ id: 'open' }),
    swap({ id: 'took', status: 'taken', taken_by: 'me', taken_by_name: '我' }),
    swap({ id: 'gone', status: 'withdrawn', assignment_id: 'a2' }),
    swap({ id: 'others', status: 'approved', taken_by: 'li', taken_by_name: '李四' }),
  ];

  it('a leader may take the open offers of others only', () => {
    expect(offersFor(swaps, 'me').map((s) => s.id)).toEqual(['open']);
  });

  it("a leader's own swaps are those they offered or took", () => {
    expect(swapsOf(swaps, 'me').map((s) => s.id)).toEqual(['mine', 'took']);
  });

  it('offered and taken are open (the offerer can still take them back); the rest are settled', () => {
    expect(swaps.filter(isOpen).map((s) => s.id)).toEqual(['mine', 'open', 'took']);
  });

  it('the open swap on a duty, never a settled one', () => {
    expect(openSwapOn(swaps, 'a2')).toBeUndefined();
    expect(openSwapOn([swap({ id: 'old', status: 'rejected' }), swap({ id: 'new', status: 'taken' })], 'a1')?.id).toBe('new');
  });

  it('staff decide the taken ones', () => {
    expect(waitingForStaff(swaps).map((s) => s.id)).toEqual(['took']);
  });
});

describe('swaps in words', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('tells the leader who offered a night where it stands', () => {
    const mine = (status: Swap['status']) => swapStory(t, swap({ offered_by: 'me', status, taken_by: 'li', taken_by_name: '李四' }), 'me');
    expect(mine('offered')).toBe('正在找人替班，还没有人接。这晚仍由您值班。');
    expect(mine('taken')).toBe('李四已接下，等社区批准。批准前这晚仍由您值班。');
    expect(mine('approved')).toBe('已换给李四，这晚不用您值班了。');
    expect(mine('rejected')).toBe('社区没有批准李四接班，这晚仍由您值班。');
    expect(mine('withdrawn')).toBe('您已撤回，这晚仍由您值班。');
  });

  it('tells the leader who took a night where it stands', () => {
    const took = (status: Swap['status']) => swapStory(t, swap({ status, taken_by: 'me', taken_by_name: '我' }), 'me');
    expect(took('taken')).toBe('您接下了张三的班，等社区批准。');
    expect(took('approved')).toBe('您接下了张三的班，这晚由您值班。');
    expect(took('rejected')).toBe('社区没有批准，这晚仍由张三值班。');
    expect(took('withdrawn')).toBe('张三撤回了，这晚不用您值班。');
  });

  it('names both leaders for staff', () => {
    expect(swapPair(t, swap({ status: 'taken', taken_by: 'li', taken_by_name: '李四' }))).toBe('张三换给李四');
    expect(swapPair(t, swap({}))).toBe('张三在找人替班');
  });

  it("says the server's reasons for waiting in the user's language, anything else as written", async () => {
    expect(heldReason(t, '接班的组长前后几天已有值班，休息不足')).toBe('接班的组长前后几天已有值班，休息不够');
    expect(heldReason(t, '其他原因')).toBe('其他原因');
    expect(heldReason(t, null)).toBeNull();
    expect(heldReason(t, '  ')).toBeNull();
    await i18n.changeLanguage('en');
    expect(heldReason(t, '接班后该组长的值班量明显多于其他组长')).toBe('Taking it would leave this leader with clearly more duty than the others');
    await i18n.changeLanguage('zh-CN');
  });

  it('says a refused move for what it is, and leaves other problems to their codes', () => {
    expect(swapProblemMessage(t, 'take', new ApiProblem(409, 'invalid_transition', ''))).toBe('这晚已经被别的组长接走，或者已经撤回了。');
    expect(swapProblemMessage(t, 'withdraw', new ApiProblem(409, 'invalid_transition', ''))).toBe('这次换班已经办完，不能再撤回了。');
    expect(swapProblemMessage(t, 'decide', new ApiProblem(412, 'stale_version', ''))).toBe('刚才有人处理过这次换班，已为您刷新，请再看一下。');
    expect(swapProblemMessage(t, 'offer', new ApiProblem(409, 'duplicate', ''))).toBe('这晚已经在找人替班了。');
    const refused = new ApiProblem(422, 'validation_failed', '', [
      { field: 'id', message: 'you are on duty that night already' },
      { field: 'id', message: 'you entered that night as unavailable' },
    ]);
    expect(swapProblemMessage(t, 'take', refused)).toBe('这晚您本来就在值班。 您填了这天不能值班，不能接这晚。');
    expect(
      swapProblemMessage(t, 'offer', new ApiProblem(422, 'validation_failed', '', [{ field: 'note', message: 'must be at most 200 characters' }])),
    ).toBeNull();
    expect(swapProblemMessage(t, 'take', new ApiProblem(403, 'forbidden', ''))).toBeNull();
    expect(swapProblemMessage(t, 'take', new Error('boom'))).toBeNull();
  });
});
