import { describe, expect, it } from 'vitest';
import type { Membership } from '../api/get-teams';
import { formatYuan, householdStanding, joinCandidates, splitMembers } from './text';

const m = (id: string, resident: string, name: string, status: Membership['status'], created: string): Membership => ({
  id,
  team_id: 't1',
  resident_id: resident,
  resident_name: name,
  status,
  created_at: `2026-11-${created}T10:00:00Z`,
  decided_at: null,
  version: 1,
});

describe('where people stand with a team', () => {
  it("shows each person's latest request or membership, and a refusal until they ask again, but not who left", () => {
    const rows = [
      m('a1', 'r1', '张秀英', 'declined', '01'),
      m('a2', 'r1', '张秀英', 'requested', '05'),
      m('b1', 'r2', '王建华', 'left', '03'),
      m('c1', 'r3', '王小明', 'declined', '04'),
    ];
    expect(householdStanding(rows).map((x) => [x.resident_name, x.status])).toEqual([
      ['张秀英', 'requested'],
      ['王小明', 'declined'],
    ]);
  });

  it('offers to ask for those of the household who are neither in nor waiting', () => {
    const household = [
      { id: 'r1', name: '张秀英' },
      { id: 'r2', name: '王建华' },
      { id: 'r3', name: '王小明' },
      { id: 'r4', name: '王小红' },
    ];
    const rows = [
      m('a', 'r1', '张秀英', 'member', '01'),
      m('b', 'r2', '王建华', 'requested', '02'),
      m('c', 'r3', '王小明', 'left', '03'),
      m('d', 'r4', '王小红', 'declined', '03'),
    ];
    expect(joinCandidates(household, rows).map((p) => p.name)).toEqual(['王小明', '王小红']);
  });

  it('splits a team for its leader: open requests oldest first, members by name, the past apart', () => {
    const rows = [
      m('1', 'r1', '赵六', 'member', '01'),
      m('2', 'r2', '李四', 'requested', '09'),
      m('3', 'r3', '王五', 'requested', '02'),
      m('4', 'r4', '张三', 'member', '03'),
      m('5', 'r5', '钱七', 'declined', '04'),
      // Asked again after leaving: only the request counts.
      m('6', 'r6', '孙八', 'left', '01'),
      m('7', 'r6', '孙八', 'requested', '10'),
    ];
    const { requests, current, past } = splitMembers(rows);
    expect(requests.map((x) => x.resident_name)).toEqual(['王五', '李四', '孙八']);
    expect(current.map((x) => x.resident_name)).toEqual(['张三', '赵六']);
    expect(past.map((x) => x.resident_name)).toEqual(['钱七']);
  });

  it('writes yuan with separators', () => {
    expect(formatYuan(3200, 'zh-CN')).toBe('3,200');
  });
});
