-- +goose Up
-- Voice interviews. The lifecycle is
--   created → waiting_for_agent → in_progress → completed | terminated | failed | abandoned
-- (failed and abandoned also from the two earlier states); internal/interview
-- holds the machine, these rows hold where each interview is and when it got
-- there. Everything below hangs off interviews with ON DELETE CASCADE, and
-- interviews off users, so deleting an interview or its owner erases it all.
CREATE TABLE interviews (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    candidate_name      text NOT NULL CHECK (char_length(candidate_name) BETWEEN 1 AND 100),
    candidate_email     citext NOT NULL CHECK (char_length(candidate_email) BETWEEN 3 AND 254),
    -- The candidate's LiveKit identity in the room.
    candidate_identity  text NOT NULL CHECK (char_length(candidate_identity) BETWEEN 1 AND 64),
    job_title           text NOT NULL CHECK (char_length(job_title) BETWEEN 1 AND 200),
    job_description     text NOT NULL DEFAULT '' CHECK (char_length(job_description) <= 20000),
    -- The stored CV the interview is about; its text is copied so the
    -- interview stays as it was when the CV changes or is deleted.
    cv_file_id          uuid REFERENCES cv_files (id) ON DELETE SET NULL,
    cv_filename         text CHECK (char_length(cv_filename) <= 255),
    cv_text             text NOT NULL DEFAULT '',
    language            text NOT NULL CHECK (language IN ('en', 'fr')),
    room                text NOT NULL UNIQUE,
    state               text NOT NULL DEFAULT 'created' CHECK (state IN
                            ('created', 'waiting_for_agent', 'in_progress', 'completed', 'terminated', 'failed', 'abandoned')),
    -- Why the interview ended as failed/abandoned/terminated: a stable code
    -- and the sentence the candidate sees.
    end_reason          text,
    end_message         text,
    -- The agent worker holding the interview and the claim its credential
    -- names; a released claim clears both, which voids that credential.
    agent_id            text,
    claim_id            uuid UNIQUE,
    agent_identity      text,
    offered_at          timestamptz,
    claimed_at          timestamptz,
    -- Presence in the room, from LiveKit webhooks and agent events.
    candidate_joined_at timestamptz,
    candidate_left_at   timestamptz,
    agent_joined_at     timestamptz,
    agent_left_at       timestamptz,
    -- The agent said it is wrapping up (the report follows).
    agent_ending_at     timestamptz,
    -- When each state was entered.
    created_at          timestamptz NOT NULL DEFAULT now(),
    waiting_at          timestamptz,
    started_at          timestamptz,
    ended_at            timestamptz,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK ((claim_id IS NULL) = (agent_id IS NULL))
);
CREATE INDEX interviews_user_idx ON interviews (user_id, created_at DESC);
-- The sweeper only looks at live interviews.
CREATE INDEX interviews_live_idx ON interviews (state, created_at)
    WHERE state IN ('created', 'waiting_for_agent', 'in_progress');

-- The timeline: state changes, claims, room presence, agent events, notes
-- and reports in the order they happened. Replays read it back.
CREATE TABLE interview_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    kind         text NOT NULL CHECK (char_length(kind) BETWEEN 1 AND 32),
    data         jsonb NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX interview_events_interview_idx ON interview_events (interview_id, id);

-- Transcript segments as the agent publishes them on interview:<id>. A
-- segment is sent partial then final under one seq; (interview_id, seq) makes
-- a re-sent segment land once.
CREATE TABLE interview_segments (
    interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    seq          integer NOT NULL CHECK (seq >= 0),
    speaker      text NOT NULL CHECK (speaker IN ('candidate', 'interviewer')),
    text         text NOT NULL CHECK (char_length(text) <= 10000),
    lang         text NOT NULL CHECK (char_length(lang) BETWEEN 2 AND 16),
    start_ms     integer NOT NULL CHECK (start_ms >= 0),
    end_ms       integer NOT NULL CHECK (end_ms >= start_ms),
    final        boolean NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (interview_id, seq)
);

-- The agent's report; one per interview.
CREATE TABLE interview_reports (
    interview_id       uuid PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
    score              numeric(3, 1) CHECK (score BETWEEN 0 AND 10),
    unscored_reason    text,
    strengths          jsonb NOT NULL DEFAULT '[]',
    development_areas  jsonb NOT NULL DEFAULT '[]',
    communication      text NOT NULL DEFAULT '',
    role_fit           text NOT NULL DEFAULT '',
    conclusion         text NOT NULL CHECK (char_length(conclusion) BETWEEN 1 AND 20000),
    terminated         boolean NOT NULL DEFAULT false,
    termination_reason text,
    claim_id           uuid NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (score IS NOT NULL OR unscored_reason IS NOT NULL)
);

-- Reviewers invited by e-mail. Access is by the address of a signed-in
-- (hence verified) account, so an invitation works before the reviewer has
-- an account. Revoked invitations stay, marked, until re-invited.
CREATE TABLE interview_reviewers (
    interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    email        citext NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
    invited_by   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz,
    PRIMARY KEY (interview_id, email)
);
CREATE INDEX interview_reviewers_email_idx ON interview_reviewers (email) WHERE revoked_at IS NULL;

-- Reviewers' time-stamped notes; offset_ms is the position in the interview.
CREATE TABLE interview_notes (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    author_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    text         text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 4000),
    offset_ms    bigint NOT NULL CHECK (offset_ms >= 0),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interview_notes_interview_idx ON interview_notes (interview_id, created_at);
CREATE INDEX interview_notes_author_idx ON interview_notes (author_id);

-- LiveKit webhook ids already accepted, shared by every server so that a
-- replayed delivery is refused wherever it lands.
CREATE TABLE livekit_webhook_events (
    id         text PRIMARY KEY CHECK (char_length(id) <= 256),
    expires_at timestamptz NOT NULL
);
CREATE INDEX livekit_webhook_events_expires_idx ON livekit_webhook_events (expires_at);

-- +goose Down
DROP TABLE livekit_webhook_events;
DROP TABLE interview_notes;
DROP TABLE interview_reviewers;
DROP TABLE interview_reports;
DROP TABLE interview_segments;
DROP TABLE interview_events;
DROP TABLE interviews;
