// The help-request and handbook shapes these pages use, from the generated API schema.
import type { Schemas } from '@/api/client';

export type RequestKind = Schemas['RequestKind'];
export type RequestChannel = Schemas['RequestChannel'];
export type RequestStatus = Schemas['RequestStatus'];
export type RequestAction = Schemas['RequestAction'];
export type LimitUnit = Schemas['LimitUnit'];
export type PartyKind = Schemas['PartyKind'];
export type Limit = Schemas['Limit'];
export type Question = Schemas['Question'];
export type HandbookEntry = Schemas['Entry'];
export type Category = Schemas['Category'];
export type Handbook = Schemas['HandbookDto'];
export type RequestSummary = Schemas['RequestSummaryDto'];
export type RequestDetail = Schemas['RequestDetailDto'];
export type TimelineItem = Schemas['TimelineDto'];
export type RequestsSummary = Schemas['RequestCountsDto'];
export type NewRequest = Schemas['NewRequestRequest'];

/** A photo to send: one of the types the server takes, base64. */
export type PhotoUpload = Schemas['PhotoUpload'] & { content_type: 'image/jpeg' | 'image/png' | 'image/webp' };

export interface RequestFilters {
  status?: RequestStatus;
  category?: string;
  overdue?: boolean;
  assignee_id?: string;
  unassigned?: boolean;
  escalated?: boolean;
  followup_due?: boolean;
  group_id?: string;
  q?: string;
}
