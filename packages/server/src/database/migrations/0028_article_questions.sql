-- Questions in public ("Leave a reply", issue 15). A visitor's question is held until staff
-- moderate it: nothing is shown before it is published. A question that looks like personal health
-- details is flagged and is published only with an explicit override (education/moderate-question.ts);
-- staff can instead move it to a private conversation (the asker is emailed, nothing is published).
create table article_questions (
  id text primary key default gen_random_uuid()::text,
  slug text not null references articles(slug),
  lang text not null check (lang in ('en', 'ar')),
  name text check (length(name) <= 100),
  email text not null check (length(email) between 3 and 254),
  question text not null check (length(question) between 1 and 2000),
  consent_to_publish boolean not null check (consent_to_publish),
  flags text[] not null default '{}',
  status text not null default 'pending' check (status in ('pending', 'published', 'rejected', 'private')),
  answer text check (length(answer) <= 5000),
  answered_by text references staff_users(id),
  answered_at timestamptz,
  published_at timestamptz,
  flag_override boolean not null default false,
  created_at timestamptz not null default now(),
  check (status <> 'published' or (answer is not null and published_at is not null)),
  check (status <> 'published' or cardinality(flags) = 0 or flag_override)
);
create index article_questions_queue on article_questions (status, created_at);
create index article_questions_published on article_questions (slug, lang, published_at) where status = 'published';
