// The shapes of the help-request and handbook API as these pages use them. Written from the API
// contract while the server was being built; to be replaced by the generated schema's types.
export type RequestKind = 'help' | 'repair' | 'complaint' | 'inquiry';
export type RequestChannel = 'app' | 'leader' | 'hotline' | 'open311';
export type RequestStatus = 'received' | 'assigned' | 'in_progress' | 'resolved' | 'closed' | 'not_ours' | 'duplicate';
export type RequestAction = 'assign' | 'start' | 'resolve' | 'follow_up' | 'rate' | 'not_ours' | 'duplicate' | 'reopen';
export type LimitUnit = 'hours' | 'working_days';
export type PartyKind = 'office' | 'partner' | 'county' | 'utility' | 'other';

export interface Limit {
  amount: number;
  unit: LimitUnit;
}

export interface Question {
  code: string;
  label: string;
  required: boolean;
  choices: { key: string; name: string }[];
}

export interface HandbookEntry {
  name: string;
  party: PartyKind;
  phone: string;
  hours: string;
  address: string;
  bring: string;
}

export interface Category {
  code: string;
  name: string;
  description: string;
  kind: RequestKind;
  response: Limit;
  resolution: Limit;
  questions: Question[];
  entries: HandbookEntry[];
}

export interface Handbook {
  id: string;
  number: number;
  title: string;
  status: 'draft' | 'published';
  published_on: string | null;
  version: number;
  categories: Category[];
}

export interface RequestSummary {
  id: string;
  number: string;
  kind: RequestKind;
  category_code: string;
  category_name: string;
  description: string;
  address: string;
  channel: RequestChannel;
  status: RequestStatus;
  caller_name: string;
  caller_phone: string | null;
  group_number: number | null;
  assignee_id: string | null;
  assignee_name: string | null;
  received_at: string;
  response_due_at: string;
  resolution_due_at: string;
  followup_due_on: string | null;
  overdue: boolean;
  response_overdue: boolean;
  escalated: boolean;
  satisfaction: number | null;
  version: number;
}

export interface TimelineItem {
  at: string;
  kind: 'move' | 'note';
  action: RequestAction | null;
  from: RequestStatus | null;
  to: RequestStatus | null;
  body: string | null;
  public: boolean;
  actor: string;
}

export interface RequestDetail extends RequestSummary {
  phone_masked: boolean;
  lat: number | null;
  long: number | null;
  answers: Record<string, string>;
  media_url: string | null;
  referral: { name: string; party: PartyKind; phone: string; ref: string | null } | null;
  resolution: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  duplicate_of: { id: string; number: string } | null;
  mediation_ref: string | null;
  followup_comment: string | null;
  reopen_until: string | null;
  photos: { id: string; content_type: string }[];
  filed_by_name: string | null;
  timeline: TimelineItem[];
  actions: RequestAction[];
  can_note: boolean;
}

export interface RequestPage {
  items: RequestSummary[];
  next_cursor: string | null;
}

export interface RequestsSummary {
  open: number;
  unassigned: number;
  overdue: number;
  escalated: number;
  followups_due: number;
}

export interface PhotoUpload {
  content_type: 'image/jpeg' | 'image/png' | 'image/webp';
  data: string;
}

export interface NewRequest {
  kind: RequestKind;
  category_code: string;
  description: string;
  address?: string;
  answers?: Record<string, string>;
  resident_id?: string;
  caller_name?: string;
  caller_phone?: string;
  photos?: PhotoUpload[];
}

export interface RequestFilters {
  status?: RequestStatus;
  category?: string;
  overdue?: boolean;
  assignee_id?: string;
  unassigned?: boolean;
  group_id?: string;
  q?: string;
}
