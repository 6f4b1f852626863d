// Choices and rules shared by the registry's forms and filters.
import type { TFunction } from 'i18next';
import type { Rule } from 'antd/es/form';
import { checkNationalId } from '@/lib/nationalId';

export const RELATIONSHIPS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;
export const TAGS = ['disabled', 'dibao', 'party_member', 'living_alone', 'veteran', 'cadre'] as const;
/** Disability and 低保 are sensitive: only staff see or filter by them. */
export const SENSITIVE_TAGS: readonly string[] = ['disabled', 'dibao'];

/** Checks an ID number in the browser, so the message is in the user's language. */
export function idNumberRule(t: TFunction): Rule {
  return {
    validator: (_, value: string | undefined) => {
      const problem = value ? checkNationalId(value) : null;
      return problem ? Promise.reject(new Error(t(`registry.idProblems.${problem}`))) : Promise.resolve();
    },
  };
}

/** A group's name, the same on every page: 第3组. */
export function groupLabel(t: TFunction, number: number | null | undefined): string {
  return number == null ? '—' : t('registry.groupShort', { number });
}
