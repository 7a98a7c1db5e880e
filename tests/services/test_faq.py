"""The service manual (issue 9, R2.2): entries with every revision kept and restorable,
drafted by engineers and published by the group leader; Chinese search with the same
results on SQLite and PostgreSQL; handover FAQs seeding entries; the month's manual."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, text, update

from supportdesk.db.engine import Database
from supportdesk.db.models import FaqEntry, FaqRevision
from supportdesk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from supportdesk.domain.faq import FaqForm, FaqState, Grouping, SearchFilter, canonical, terms
from supportdesk.domain.handover import FaqForm as HandoverFaqForm
from supportdesk.domain.registry import ProjectForm, SystemForm
from supportdesk.services import faq, registry
from tests.reminder_team import Team

SOLUTION = "1. 清理 /var/log 下的旧日志\n\n```\nfind /var/log -mtime +30 -delete\n```"


def _entry(db: Database, question: str, **fields: object) -> int:
    with db.write() as s:
        return faq.save(s, FaqForm(question, **fields)).row.id  # type: ignore[arg-type]


def test_every_save_is_a_revision_and_a_stale_save_is_refused(team: Team) -> None:
    with team.engineer.write() as s:
        made = faq.save(
            s, FaqForm("磁盘空间不足导致备份失败", symptom="备份任务报错", solution=SOLUTION)
        )
    assert made.row.state is FaqState.DRAFT
    assert made.revision == 1
    assert made.row.author == team.login("gongcheng")
    with team.engineer.write() as s:
        edited = faq.save(s, replace(made.form, cause="日志未轮转", note="补充原因"))
        unchanged = faq.save(s, edited.form)  # nothing changed: no empty revision
    assert edited.revision == unchanged.revision == 2
    with team.engineer.read() as s:
        history = faq.revisions(s, made.row.id)
    assert [(r.number, r.action, r.changed, r.note) for r in history] == [
        (2, "edited", ("cause",), "补充原因"),
        (1, "created", history[-1].changed, ""),
    ]
    with pytest.raises(ConflictError), team.leader.write() as s:
        faq.save(s, replace(made.form, question="别人的旧版本"))  # version 1, now 2


def test_bad_input_names_the_field_and_changes_nothing(team: Team) -> None:
    cases = [
        (FaqForm("  ", solution="x"), "question"),
        (FaqForm("问题", solution=""), "solution"),
        (FaqForm("问题", solution="x", tags=tuple(f"t{i}" for i in range(30))), "tags"),
        (FaqForm("问题", solution="x", system_id=999_999), "system_id"),
        (FaqForm("问" * 501, solution="x"), "question"),
    ]
    for form, field in cases:
        with pytest.raises(ValidationError) as caught, team.engineer.write() as s:
            faq.save(s, form)
        assert caught.value.field == field
    with team.db.read() as s:
        assert s.scalar(select(func.count()).select_from(FaqEntry)) == 0


def test_the_system_names_its_project_and_customer(team: Team) -> None:
    with team.engineer.write() as s:
        made = faq.save(s, FaqForm("调度平台登录慢", solution="重建索引", system_id=team.system))
    assert (made.row.customer, made.row.project, made.row.system) == (
        "华东电力",
        "调度平台",
        "调度平台生产",
    )
    assert made.form.customer_id == team.customer


def test_drafted_reviewed_by_the_group_leader_and_published(team: Team) -> None:
    entry_id = _entry(team.engineer, "数据库连接池耗尽", solution="调大 maxActive")
    with team.engineer.write() as s:
        submitted = faq.submit(s, entry_id, None)
    assert submitted.row.state is FaqState.REVIEW
    with pytest.raises(PermissionDeniedError), team.engineer.write() as s:
        faq.publish(s, entry_id, None)
    with pytest.raises(ValidationError) as caught, team.leader.write() as s:
        faq.return_to_draft(s, entry_id, None, "  ")
    assert caught.value.field == "comment"
    with team.leader.write() as s:
        returned = faq.return_to_draft(s, entry_id, None, "请写明 maxActive 的取值")
    assert returned.row.state is FaqState.DRAFT
    assert returned.review_comment == "请写明 maxActive 的取值"
    with team.engineer.write() as s:
        fixed = faq.save(s, replace(returned.form, solution="maxActive 调到 200"))
        assert fixed.review_comment == "请写明 maxActive 的取值"  # visible until resubmitted
        faq.submit(s, entry_id, None)
    with team.leader.write() as s:
        published = faq.publish(s, entry_id, None)
    assert published.row.state is FaqState.PUBLISHED
    assert published.row.reviewer == team.login("zuzhang")
    assert published.row.published_revision == published.revision
    # An edit of a published entry is a draft again; the published revision stays.
    with team.engineer.write() as s:
        again = faq.save(s, replace(published.form, workaround="重启应用"))
    assert again.row.state is FaqState.DRAFT
    assert again.row.published_revision == published.revision
    with pytest.raises(ValidationError) as stuck, team.engineer.write() as s:
        faq.delete_entry(s, entry_id, None)
    assert stuck.value.code == "published_kept"


def test_any_revision_can_be_compared_and_restored(team: Team) -> None:
    entry_id = _entry(team.engineer, "报表导出乱码", solution="设置 GBK 编码")
    with team.engineer.write() as s:
        first = faq.entry(s, entry_id)
        second = faq.save(s, replace(first.form, solution="设置 UTF-8 编码\n并重启服务"))
        faq.save(s, replace(second.form, question="报表导出中文乱码", tags=("报表", "编码")))
    with team.engineer.read() as s:
        changes = faq.revision_diff(s, entry_id, 1, 2)
    assert [c.field for c in changes] == ["solution"]
    assert changes[0].lines == ("-设置 GBK 编码", "+设置 UTF-8 编码", "+并重启服务")
    with team.engineer.write() as s:
        restored = faq.restore(s, entry_id, 1, None)
    assert restored.revision == 4
    assert (restored.form.question, restored.form.solution, restored.form.tags) == (
        "报表导出乱码",
        "设置 GBK 编码",
        (),
    )
    with team.engineer.read() as s:
        newest = faq.revisions(s, entry_id)[0]
        assert faq.search(s, "编码").total == 1
        assert faq.search(s, "UTF").total == 0  # the index follows the restore
    assert (newest.action, newest.note) == ("restored", "#1")
    assert set(newest.changed) == {"question", "solution", "tags"}


# --- search ----------------------------------------------------------------------------------

CORPUS = [
    ("备份失败：磁盘空间不足", "Oracle RMAN 备份在凌晨失败", "归档日志占满磁盘", ("备份",)),
    ("应用日志不轮转", "日志文件超过 20GB", "logrotate 配置缺失", ("日志", "linux")),
    ("ORA-01555 快照过旧", "夜间报表查询报 ORA-01555 错误", "undo 表空间太小", ("oracle",)),
    ("Nginx 返回 502 Bad Gateway", "页面间歇性 502", "上游 Tomcat 线程耗尽", ("nginx",)),
    ("数据库主从复制延迟", "从库延迟超过 10 分钟", "大事务未拆分", ("mysql",)),
    ("登录页面验证码不显示", "验证码图片 404", "静态资源路径错误", ()),
    ("ＳＳＨ 连接超时", "巡检时 ssh 连接 timeout", "防火墙拦截 22 端口", ("网络",)),
    ("定时任务未执行", "crontab 中的备份脚本没有运行", "cron 服务未启动", ("备份", "linux")),
]


def _corpus(db: Database, team: Team) -> dict[int, int]:
    """The entries in order; every second one names the team's system. id by position."""
    ids = {}
    for n, (question, symptom, cause, tags) in enumerate(CORPUS):
        ids[n] = _entry(
            db,
            question,
            symptom=symptom,
            cause=cause,
            solution=f"处理步骤 {n}",
            tags=tags,
            system_id=team.system if n % 2 == 0 else None,
        )
    return ids


def _oracle(ids: dict[int, int], query: str, filt: SearchFilter | None = None) -> list[int]:
    """What search must return, by brute force: every term a substring of the canonical
    text; all terms in the question or tags first; newer first."""
    wanted = terms(query)
    if not wanted:
        return []
    title: list[int] = []
    rest: list[int] = []
    for n, (question, symptom, cause, tags) in enumerate(CORPUS):
        if filt is not None and filt.system_id is not None and n % 2:
            continue
        if filt is not None and filt.tag and filt.tag not in tags:
            continue
        head = canonical(" ".join((question, *tags)))
        body = canonical(f"{symptom} {cause} 处理步骤 {n}")
        if all(t in head or t in body for t in wanted):
            (title if all(t in head for t in wanted) else rest).append(ids[n])
    return sorted(title, reverse=True) + sorted(rest, reverse=True)


@pytest.mark.parametrize(
    "query",
    [
        "备份",  # two Chinese characters: the short-term index
        "日志",
        "盘",  # one character
        "数据库",  # three: trigram
        "备份 磁盘",  # two short terms
        "ORA-01555",  # punctuation splits: "ora" and "01555"
        "ora-01555：",  # full-width punctuation, lower case
        "nginx 502",  # mixed Chinese/English
        "ssh",  # "ＳＳＨ" in the question (full width) and "ssh" in a symptom
        "Bad Gateway!",
        "备份脚本",
        "22",
        "不存在的词",
        "，。！",  # only punctuation: no terms
    ],
)
def test_search_finds_what_a_substring_search_finds_ranked(team: Team, query: str) -> None:
    ids = _corpus(team.engineer, team)
    with team.engineer.read() as s:
        result = faq.search(s, query)
    assert [h.row.id for h in result.hits] == _oracle(ids, query)
    assert result.total == len(result.hits)


def test_same_results_on_both_databases_for_the_known_queries(team: Team) -> None:
    """The expected lists are written out, so SQLite and PostgreSQL (this test runs on each)
    must both give exactly these."""
    ids = _corpus(team.engineer, team)
    expected = {
        "备份": [7, 0],  # both have the tag "备份": title hits, newer first
        "日志": [1, 0],  # 1 has it in the question, 0 only in the cause
        "盘": [0],
        "ssh": [6],
        "ora 01555": [2],
        "linux 备份": [7],
        "502": [3],
        "端口": [6],
    }
    with team.engineer.read() as s:
        for query, positions in expected.items():
            found = [h.row.id for h in faq.search(s, query).hits]
            assert found == [ids[p] for p in positions], query


def test_hits_are_highlighted_and_filtered(team: Team) -> None:
    ids = _corpus(team.engineer, team)
    with team.engineer.read() as s:
        hit = faq.search(s, "ora-01555").hits[0]
        on_system = faq.search(s, "备份", SearchFilter(system_id=team.system))
        tagged = faq.search(s, "备份", SearchFilter(tag="linux"))
        ssh = faq.search(s, "ssh").hits[0]
    assert [hit.row.question[a:b] for a, b in hit.question_spans] == ["ORA", "01555"]
    assert [hit.snippet[a:b] for a, b in hit.spans] == ["ORA", "01555"]
    assert hit.title_hit
    assert [h.row.id for h in on_system.hits] == _oracle(
        ids, "备份", SearchFilter(system_id=team.system)
    )
    assert [h.row.id for h in tagged.hits] == [ids[7]]
    assert [ssh.row.question[a:b] for a, b in ssh.question_spans] == ["ＳＳＨ"]


def test_each_database_searches_with_its_own_index(db: Database) -> None:
    """SQLite: the trigram and one-character FTS5 tables; PostgreSQL: pg_trgm's GIN index,
    which the planner uses for a LIKE substring (a sequential scan ruled out)."""
    with db.read() as s:
        if db.is_sqlite:
            query = text("SELECT name, sql FROM sqlite_master WHERE name LIKE 'faq_fts_%'")
            tables = {str(name): str(sql) for name, sql in s.execute(query)}
            assert "trigram" in tables["faq_fts_tri"]
            assert "unicode61" in tables["faq_fts_uni"]
        else:
            s.execute(text("SET LOCAL enable_seqscan = off"))
            plan = "\n".join(
                s.scalars(
                    text("EXPLAIN SELECT id FROM faq_entry WHERE search_body LIKE '%备份失败%'")
                )
            )
            assert "ix_faq_entry_body_trgm" in plan


def test_the_index_follows_edits_and_deletes(team: Team) -> None:
    entry_id = _entry(team.engineer, "证书过期", solution="更新 HTTPS 证书")
    with team.engineer.write() as s:
        form = faq.entry(s, entry_id).form
        faq.save(s, replace(form, solution="更换 TLS 证书"))
    with team.engineer.read() as s:
        assert faq.search(s, "https").total == 0
        assert faq.search(s, "tls").total == 1
    with team.engineer.write() as s:
        faq.delete_entry(s, entry_id, None)
    with team.engineer.read() as s:
        assert faq.search(s, "证书").total == 0


# --- links, handover seeds, the month's manual ------------------------------------------


def test_a_handovers_faq_seeds_linked_drafts_once(team: Team) -> None:
    from supportdesk.services import handover

    with team.leader.write() as s:
        project = registry.save_project(s, ProjectForm(team.customer, "营销系统"))
        registry.save_system(s, SystemForm(project.id, "营销系统生产"))
        handover.save_faq(s, HandoverFaqForm(project.id, "如何重置管理员密码", "执行 reset.sh"))
    with team.engineer.write() as s:
        made = faq.seed_from_handover(s, project.id)
        assert faq.seed_from_handover(s, project.id) == []  # once only
        detail = faq.entry(s, made[0])
        linked = faq.linked_from(s, "handover", project.id)
    assert detail.row.state is FaqState.DRAFT
    assert (detail.form.question, detail.form.solution) == ("如何重置管理员密码", "执行 reset.sh")
    assert [(link.kind, link.label) for link in detail.links] == [
        ("handover", "华东电力 / 营销系统")
    ]
    assert [r.id for r in linked] == made


def _publish(team: Team, entry_id: int, at: datetime) -> None:
    with team.engineer.write() as s:
        faq.submit(s, entry_id, None)
    with team.leader.write() as s:
        number = faq.publish(s, entry_id, None).revision
    with team.db.write() as s:  # the day it happened
        s.execute(
            update(FaqRevision)
            .where(FaqRevision.entry_id == entry_id, FaqRevision.number == number)
            .values(at=at)
        )


def test_the_months_manual_and_its_changes(team: Team) -> None:
    october = datetime(2026, 10, 15, 3, tzinfo=UTC)
    november = datetime(2026, 11, 20, 3, tzinfo=UTC)
    old = _entry(team.engineer, "巡检脚本超时", solution="分批执行", category="应用")
    revised = _entry(
        team.engineer,
        "表空间不足",
        solution="扩容数据文件",
        category="数据库",
        system_id=team.system,
    )
    new = _entry(team.engineer, "备份校验失败", solution="重新生成校验和", category="备份")
    draft = _entry(team.engineer, "草稿不进手册", solution="无")
    _publish(team, old, october)
    _publish(team, revised, october)
    with team.engineer.write() as s:
        faq.save(s, replace(faq.entry(s, revised).form, solution="扩容并开启自动扩展"))
    _publish(team, revised, november)
    _publish(team, new, november)
    with team.engineer.write() as s:  # edited after publishing: the manual keeps the published
        faq.save(s, replace(faq.entry(s, new).form, solution="未审核的改动"))
    with team.engineer.read() as s:
        whole = faq.manual(s, "2026-11", grouping=Grouping.CATEGORY)
        changes = faq.manual(s, "2026-11", changes_only=True)
        by_system = faq.manual(s, "2026-11")
        in_october = faq.manual(s, "2026-10")
    assert [sec.title for sec in whole.sections] == sorted(["应用", "数据库", "备份"])
    printed = {e.id: e for sec in whole.sections for e in sec.entries}
    assert set(printed) == {old, revised, new}
    assert draft not in printed
    assert printed[revised].solution[0].text == "扩容并开启自动扩展"
    assert printed[new].solution[0].text == "重新生成校验和"
    assert {e.id: e.change for sec in changes.sections for e in sec.entries} == {
        revised: "revised",
        new: "new",
    }
    assert by_system.sections[0].title == "华东电力 / 调度平台 / 调度平台生产"
    october_entries = {e.id: e for sec in in_october.sections for e in sec.entries}
    assert set(october_entries) == {old, revised}
    assert october_entries[revised].solution[0].text == "扩容数据文件"
    with pytest.raises(ValidationError) as caught, team.engineer.read() as s:
        faq.manual(s, "2026-13")
    assert caught.value.field == "month"


def test_a_page_of_hits_keeps_the_ranking_beyond_its_limit(team: Team) -> None:
    made = [
        _entry(
            team.engineer, f"条目{n}" + ("：备份" if n % 3 == 0 else ""), solution="执行备份脚本"
        )
        for n in range(8)
    ]
    titled = [made[n] for n in (6, 3, 0)]
    rest = [made[n] for n in (7, 5, 4, 2, 1)]
    with team.engineer.read() as s:
        pages = {limit: faq.search(s, "备份", limit=limit) for limit in (2, 3, 5, 50)}
    for limit, page in pages.items():
        assert [h.row.id for h in page.hits] == (titled + rest)[:limit]
        assert page.total == 8
        assert [h.title_hit for h in page.hits] == [i in titled for i in (titled + rest)[:limit]]


def test_restoring_what_the_entry_already_says_is_refused(team: Team) -> None:
    entry_id = _entry(team.engineer, "端口冲突", solution="修改端口")
    with team.engineer.write() as s:
        faq.submit(s, entry_id, None)  # a revision without a change of text
    with pytest.raises(ValidationError) as caught, team.engineer.write() as s:
        faq.restore(s, entry_id, 1, None)
    assert (caught.value.field, caught.value.code) == ("revision", "same_as_current")
    with team.engineer.read() as s:
        assert len(faq.revisions(s, entry_id)) == 2


def test_a_draft_is_deleted_by_its_author_or_the_group_leader_not_in_review(team: Team) -> None:
    leaders = _entry(team.leader, "组长的草稿", solution="无")
    with pytest.raises(PermissionDeniedError), team.engineer.write() as s:
        faq.delete_entry(s, leaders, None)
    mine = _entry(team.engineer, "我的草稿", solution="无")
    with team.engineer.write() as s:
        faq.submit(s, mine, None)
    with pytest.raises(ValidationError) as caught, team.engineer.write() as s:
        faq.delete_entry(s, mine, None)
    assert caught.value.code == "in_review"
    with team.leader.write() as s:
        faq.return_to_draft(s, mine, None, "不需要这一条")
        faq.delete_entry(s, mine, None)  # the group leader may
        faq.delete_entry(s, leaders, None)
    with team.db.read() as s:
        assert s.scalar(select(func.count()).select_from(FaqEntry)) == 0


def test_a_published_picture_stays_in_the_manual_after_the_draft_drops_it(team: Team) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    entry_id = _entry(team.engineer, "报错截图", solution="见截图")
    with team.engineer.write() as s:
        picture = faq.add_attachment(s, entry_id, "截图.png", png)
        form = faq.entry(s, entry_id).form
        faq.save(s, replace(form, solution=f"见截图\n\n![报错](sha256:{picture.sha256})"))
    _publish(team, entry_id, datetime.now(UTC))
    with team.engineer.write() as s:
        form = faq.entry(s, entry_id).form
        faq.save(s, replace(form, solution="不再需要截图"))
        faq.remove_attachment(s, entry_id, picture.sha256)
    with team.engineer.read() as s:
        printed = faq.manual(s, datetime.now().astimezone().strftime("%Y-%m"))
    (section,) = printed.sections
    assert [b.sha256 for b in section.entries[0].solution if b.kind == "image"] == [picture.sha256]
    assert printed.images == {picture.sha256: png}
