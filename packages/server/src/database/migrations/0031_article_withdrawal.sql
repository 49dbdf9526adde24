-- Withdrawing a published article version (issue 15): readers see the previous published version
-- again, or no page when there is none. The version itself is kept, word for word, with who withdrew
-- it and when (what a reader saw on a date can still be shown); withdrawal is final, and a changed
-- article file, or a staff edit through review, publishes a new version.
alter table article_versions add column withdrawn_at timestamptz;
alter table article_versions add column withdrawn_by text references staff_users(id);
alter table article_versions add constraint article_versions_withdrawn_when
  check ((status = 'withdrawn') = (withdrawn_at is not null));

-- As 0027's, with one more legal move: published -> withdrawn, the content and the publication unchanged.
create or replace function protect_article_version() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'article versions are kept' using errcode = 'P0001';
  end if;
  if old.status in ('published', 'withdrawn')
     and (new.meta, new.title, new.body, new.content_hash, new.published_at, new.approved_by, new.approved_at)
       is distinct from (old.meta, old.title, old.body, old.content_hash, old.published_at, old.approved_by, old.approved_at) then
    raise exception 'a published article version cannot change' using errcode = 'P0001';
  end if;
  if old.status = 'withdrawn' and (new.status, new.withdrawn_at, new.withdrawn_by) is distinct from (old.status, old.withdrawn_at, old.withdrawn_by) then
    raise exception 'a withdrawn article version stays withdrawn' using errcode = 'P0001';
  end if;
  if old.status = 'published' and new.status not in ('published', 'withdrawn') then
    raise exception 'a published article version can only be withdrawn' using errcode = 'P0001';
  end if;
  if new.status = 'withdrawn' and old.status not in ('published', 'withdrawn') then
    raise exception 'only a published article version can be withdrawn' using errcode = 'P0001';
  end if;
  if (new.slug, new.lang, new.version, new.origin) is distinct from (old.slug, old.lang, old.version, old.origin) then
    raise exception 'an article version keeps its identity' using errcode = 'P0001';
  end if;
  return new;
end $$;
