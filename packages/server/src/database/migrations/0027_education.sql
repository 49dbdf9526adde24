-- The education library (issue 15). The reviewed source of every article is its file in
-- knowledge-base/articles/<slug>.<lang>.md; the server copies each file into a new version when it
-- changed (education/sync-articles.ts). Staff edit a draft version in Markdown, submit it for
-- review, a physician approves it and it is published. Every version is kept; a published version
-- never changes (protect_article_version), so what a reader saw on a date can always be shown again.
create table articles (
  slug text primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  created_at timestamptz not null default now()
);

create table article_versions (
  id text primary key default gen_random_uuid()::text,
  slug text not null references articles(slug),
  lang text not null check (lang in ('en', 'ar')),
  version integer not null check (version >= 1),
  origin text not null check (origin in ('file', 'staff')),
  -- The front matter (title, description, reviewed, reviewer, service, kind, bodyMap, order, sources) as JSON.
  meta jsonb not null,
  title text not null check (length(title) between 1 and 200),
  body text not null check (length(body) between 1 and 100000),
  content_hash text not null,
  status text not null check (status in ('draft', 'in_review', 'approved', 'published', 'withdrawn')),
  created_by text references staff_users(id),
  created_at timestamptz not null default now(),
  submitted_at timestamptz,
  approved_by text references staff_users(id),
  approved_at timestamptz,
  published_at timestamptz,
  unique (slug, lang, version),
  check (status <> 'published' or published_at is not null)
);
create index article_versions_published on article_versions (slug, lang, published_at desc) where status = 'published';
-- One open draft (draft, in review or approved) per article and language.
create unique index article_versions_one_open on article_versions (slug, lang) where status in ('draft', 'in_review', 'approved');

-- A published version is fixed: no change of its content and no going back to a draft. Nothing is deleted.
create function protect_article_version() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'article versions are kept' using errcode = 'P0001';
  end if;
  if old.status = 'published' and (new.meta, new.title, new.body, new.content_hash, new.status, new.published_at, new.approved_by, new.approved_at)
       is distinct from (old.meta, old.title, old.body, old.content_hash, old.status, old.published_at, old.approved_by, old.approved_at) then
    raise exception 'a published article version cannot change' using errcode = 'P0001';
  end if;
  if (new.slug, new.lang, new.version, new.origin) is distinct from (old.slug, old.lang, old.version, old.origin) then
    raise exception 'an article version keeps its identity' using errcode = 'P0001';
  end if;
  return new;
end $$;
create trigger article_versions_protect before update or delete on article_versions for each row execute function protect_article_version();

-- Practitioner profiles on the public team page: qualifications in both languages, languages spoken (BCP 47 codes).
alter table practitioners add column qualifications_en text not null default '' check (length(qualifications_en) <= 500);
alter table practitioners add column qualifications_ar text not null default '' check (length(qualifications_ar) <= 500);
alter table practitioners add column languages text[] not null default '{}';
