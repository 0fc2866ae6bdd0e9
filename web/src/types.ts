// Shapes of the REST API (shared/api-contract.md). Fields the server may
// omit are optional; the pages render whatever is present.

export interface Contact {
  name?: string;
  email?: string;
  phone?: string;
  location?: string;
  linkedin?: string;
  github?: string;
  portfolio?: string;
}

export interface Experience {
  id?: string;
  title?: string;
  company?: string;
  location?: string;
  startDate?: string;
  endDate?: string;
  description?: string;
  bullets?: string[];
}

export interface Education {
  id?: string;
  degree?: string;
  institution?: string;
  location?: string;
  startDate?: string;
  endDate?: string;
  gpa?: string;
  description?: string;
  achievements?: string[];
}

export interface Skills {
  technical?: string[];
  languages?: string[];
  tools?: string[];
  soft_skills?: string[];
  other?: string[];
}

export interface StructuredCV {
  summary?: string;
  contact?: Contact;
  experience?: Experience[];
  education?: Education[];
  skills?: Skills;
  projects?: unknown[];
  certifications?: unknown[];
  awards?: unknown[];
  publications?: unknown[];
  activities?: unknown[];
  volunteer?: unknown[];
  other_sections?: unknown[];
  [k: string]: unknown;
}

/** A field path as the API writes it (["experience", 1, "bullets", 0]) or its string form. */
export type FieldPath = string | (string | number)[];

export interface FieldSuggestion {
  suggestionId: string;
  targetField?: string;
  fieldPath: FieldPath;
  field_path?: string;
  fieldId?: string;
  originalValue?: string;
  improvedValue: string;
  issue_type?: string;
  severity?: string;
  problem?: string;
  explanation?: string;
  impact?: string;
}

export interface Priority {
  priority?: number;
  action?: string;
  impact?: string;
  time_estimate?: string;
  category?: string;
}

export interface Analysis {
  overall_score?: number;
  ats_score?: number;
  readability_score?: number;
  summary?: string;
  critical_issues?: string[];
  top_priorities?: Priority[];
  section_analysis?: { section?: string; status?: string; issues?: string[]; suggestions?: string[] }[];
  formatting?: { score?: number; issues?: string[]; suggestions?: string[] };
  content?: { score?: number; strengths?: string[]; weaknesses?: string[]; suggestions?: string[] };
  general?: { overall_score?: number; summary?: string; top_priorities?: string[] };
  sections?: unknown[];
  field_suggestions?: FieldSuggestion[];
  quick_wins?: unknown[];
  ats_analysis?: {
    relevance_score?: number;
    keyword_matches?: unknown[];
    missing_keywords?: unknown[];
    recommendations?: unknown[];
  };
  analyzer?: string;
  /** Parts of the document that could not be read or placed; absent when all was read. */
  unread_parts?: UnreadPart[];
  [k: string]: unknown;
}

export interface UnreadPart {
  reason: string;
  page?: number;
  text?: string;
}

export interface StructuredResult {
  summary?: unknown;
  status?: string;
  structured_cv?: StructuredCV;
  original_file?: string;
  file_info?: Record<string, unknown>;
  gemini_analysis?: { status?: string; analysis?: Analysis; analyzer?: string; message?: string };
  analysis_id?: string | number;
  analyzer?: string;
  [k: string]: unknown;
}

export type AnalysisStatus = "queued" | "running" | "done" | "failed";

export interface AnalysisRecord {
  id: string | number;
  status: AnalysisStatus;
  stage?: string;
  percent?: number;
  error?: string | { code?: string; message?: string };
  result?: StructuredResult;
  created_at?: string;
  /** The uploaded file's name, type and size, as stored with the analysis. */
  file_info?: { filename?: string; [k: string]: unknown };
  [k: string]: unknown;
}

export interface Job {
  id?: string | number;
  title: string;
  company?: string;
  location?: string;
  job_link?: string;
  posted_date?: string;
  logo?: string;
  description?: string;
  experience_level?: string;
  source?: string;
}

export interface SkillGapRow {
  skill: string;
  proficiency_you: number;
  proficiency_req: number;
  gap: number;
  is_must_have: boolean;
}

/** A link from the curated list of learning resources (internal/skills/resources.json). */
export interface LearnResource {
  title: string;
  url: string;
  kind?: string;
  lang?: string;
}

/** One skill of learn_first: what to learn before the rest, why, and where. */
export interface LearnItem {
  rank: number;
  skill: string;
  skill_id?: string;
  is_must_have: boolean;
  proficiency_you: number;
  proficiency_req: number;
  gap: number;
  centrality?: number;
  why?: string;
  resources?: LearnResource[];
}

export interface SkillsReport {
  job_skill_profile?: SkillGapRow[];
  ai_summary?: string;
  ai_scores?: { coverage?: number; depth?: number; alignment?: number };
  quantitative_summary?: { overall_score?: number; skills_matched?: number; skills_missing?: number; total_required?: number };
  priority_actions?: { action: string; time_estimate?: string; why?: string }[];
  learning_paths?: { skill: string; path_title?: string; platform?: string; resources?: LearnResource[] }[];
  learn_first?: LearnItem[];
  resources_version?: string;
  resume_edits?: { before?: string; after?: string; reason?: string }[];
  [k: string]: unknown;
}

// Interviews: the shapes of internal/interview (GET /api/interviews/{id},
// the lists, start-session) and of the messages on interview:<id>
// (docs/hub-protocol.md).

export interface StartSession {
  token: string;
  url: string;
  identity: string;
  room: string;
  interview_id: string;
  channel: string;
  state: string;
  expires_at: string;
}

export interface InterviewSummary {
  id: string;
  job_title: string;
  interview_score: number | null;
  conclusion: string | null;
  created_at: string;
  state: string;
  owner_name?: string;
  started_at: string | null;
  ended_at: string | null;
}

/** A transcript segment as the agent publishes it and the API returns it. */
export interface TranscriptSegment {
  seq: number;
  speaker: "candidate" | "interviewer" | string;
  text: string;
  lang: string;
  start_ms: number;
  end_ms: number;
  final: boolean;
}

export interface InterviewNote {
  id: string;
  author_id: string;
  author_name: string;
  text: string;
  offset_ms: number;
  created_at: string;
}

/** A stored timeline entry; data is the channel message's own fields. */
export interface InterviewEvent {
  id: number;
  type: string;
  data: Record<string, unknown> | null;
  at: string;
}

export interface InterviewReport {
  interview_score: number | null;
  unscored_reason?: string | null;
  strengths: string[];
  development_areas: string[];
  communication: string;
  role_fit: string;
  conclusion: string;
  terminated: boolean;
  termination_reason?: string | null;
  /** "agent", or "server" when the interviewer was gone and the server wrote it. */
  written_by?: string;
  created_at?: string;
}

export interface Reason {
  code: string;
  message: string;
}

export interface Invitation {
  email: string;
  invited_at: string;
  revoked_at?: string;
}

export interface InterviewDetail {
  id: string;
  role: "owner" | "reviewer" | string;
  state: string;
  end_reason: Reason | null;
  ended_by?: string | null;
  end_requested_at?: string | null;
  candidate_name: string;
  candidate_email: string;
  job_title: string;
  job_description: string;
  cv_filename: string | null;
  language: string;
  room: string;
  channel: string;
  created_at: string;
  waiting_at: string | null;
  started_at: string | null;
  ended_at: string | null;
  events: InterviewEvent[];
  transcript: TranscriptSegment[];
  report: InterviewReport | null;
  notes: InterviewNote[];
  reviewers?: Invitation[];
}

export interface ListenToken {
  token: string;
  url: string;
  identity: string;
  room: string;
  expires_at: string;
}

/** GET /api/jobs/catalog: what the local job catalog holds, per source. */
export interface CatalogSummary {
  total: number;
  sources: { source: string; postings: number; last_import_at?: string; last_success_at?: string; last_error?: string }[];
}

/** GET /api/cv/files: one uploaded CV. */
export interface CVFileSummary {
  file_id: string;
  filename: string;
  type: string;
  size: number;
  created_at: string;
}
