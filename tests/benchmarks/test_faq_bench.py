"""The service manual's speed (issue 9): search over 100,000 entries on SQLite, p95 at most
20 ms, through `faq.search` as the page calls it (matching, ranking, loading the page of hits,
snippets and highlights); the month's manual of 1,000 entries exported as DOCX and PDF in
at most 10 s.

Searches ask for the page's SEARCH_LIMIT hits (200), as the Service manual page does.
The entries are written with bulk inserts (the FTS5 triggers index them as a save would);
their text is built from a technical vocabulary with a long tail, so common words ("日志",
"备份") match thousands of entries and rare ones a handful, as in a real manual. The queries
are what engineers type, including the one- and two-character prefixes of search as you type.
"""

from __future__ import annotations

import os
import random
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from supportdesk.db.engine import Database
from supportdesk.db.models import FaqEntry, FaqRevision, FaqTag
from supportdesk.domain.faq import FaqForm, SearchFilter, body_text, content, title_text
from supportdesk.services import faq
from supportdesk.services.demo_manual import ENTRIES
from supportdesk.ui.i18n import resource_path
from supportdesk.ui.pages.faq_page import LIST_LIMIT, SEARCH_LIMIT

SEARCH_ENTRIES = int(os.environ.get("FAQ_BENCH_ENTRIES", "100000"))
SEARCH_P95_MS = 20.0
EXPORT_ENTRIES = 1_000
EXPORT_LIMIT_S = 10.0

WORDS = [
    "备份", "日志", "数据库", "磁盘空间", "连接超时", "内存溢出", "索引", "慢查询", "证书过期",
    "防火墙", "端口", "服务重启", "配置文件", "权限", "升级", "补丁", "报表导出", "登录失败",
    "接口", "同步", "定时任务", "负载均衡", "集群", "主从复制", "字符集", "乱码", "缓存",
    "会话", "死锁", "表空间", "归档", "交换机", "时钟漂移", "证书", "验证码", "审批流程",
    "短信网关", "打印", "附件上传", "大屏", "消息队列", "对账", "工作流", "单点登录",
]  # fmt: skip
LATIN = [
    "nginx", "tomcat", "oracle", "mysql", "redis", "kafka", "ORA-01555", "ORA-00060",
    "502 Bad Gateway", "OutOfMemoryError", "cron", "ssh", "DNS", "NTP", "rman", "logrotate",
]  # fmt: skip
QUERIES = [
    "备", "备份", "日志", "盘", "数据库", "磁盘空间", "慢查询 索引", "nginx 502", "ORA-01555",
    "oracle 表空间", "tomcat", "连接超时", "证书过期", "定时任务 cron", "字符集 乱码", "主从复制",
    "负载", "单点登录", "消息队列 kafka", "不存在的问题",
]  # fmt: skip


def _pick(rnd: random.Random, items: list[str]) -> str:
    # A long tail: the first words are common, the last rare (Zipf-like).
    return items[min(int(rnd.paretovariate(1.2)) - 1, len(items) - 1)]


def _text(rnd: random.Random, n: int) -> FaqForm:
    template = ENTRIES[n % len(ENTRIES)]
    a, b, c = _pick(rnd, WORDS), _pick(rnd, WORDS), _pick(rnd, LATIN)
    return FaqForm(
        question=f"{a}{b}问题（{c}）第 {n} 例",
        symptom=f"{template[2]} 现场反馈{a}异常，{c} 报错。",
        cause=f"{template[3]} 与{b}有关。",
        solution=template[4],
        workaround=template[5],
        category=template[0],
        tags=(a, c.split()[0].lower()),
    )


def _load(db: Database, count: int, *, published: bool = False) -> None:
    rnd = random.Random(9)
    now = datetime.now(UTC)
    with db.engine.begin() as conn:
        for start in range(0, count, 5_000):
            entries, tags, revisions = [], [], []
            for n in range(start + 1, min(count, start + 5_000) + 1):
                form = _text(rnd, n)
                entries.append(
                    {
                        "id": n,
                        "question": form.question,
                        "symptom": form.symptom,
                        "cause": form.cause,
                        "solution": form.solution,
                        "workaround": form.workaround,
                        "category": form.category,
                        "applies_version": "",
                        "state": "published" if published else "draft",
                        "author": "zhangsan",
                        "reviewer": "sunqi" if published else "",
                        "review_comment": "",
                        "revision": 2 if published else 1,
                        "published_revision": 2 if published else None,
                        "search_title": title_text(form.question, form.tags),
                        "search_body": body_text(form),
                        "version": 1,
                        "updated_by": "zhangsan",
                        "updated_at": now,
                    }
                )
                tags += [{"entry_id": n, "tag": t} for t in form.tags]
                if published:
                    revisions.append(
                        {
                            "entry_id": n,
                            "number": 2,
                            "at": now,
                            "by": "sunqi",
                            "action": "published",
                            "changed": [],
                            "note": "",
                            "content": content(form),
                        }
                    )
            conn.execute(insert(FaqEntry), entries)
            conn.execute(insert(FaqTag), tags)
            if revisions:
                conn.execute(insert(FaqRevision), revisions)


@pytest.mark.benchmark
def test_search_100k_entries_p95(sqlite_db: Database) -> None:
    started = time.perf_counter()
    _load(sqlite_db, SEARCH_ENTRIES)
    loaded = time.perf_counter() - started
    timings: dict[str, list[float]] = {q: [] for q in QUERIES}
    totals = {}
    with sqlite_db.read() as s:
        for query in QUERIES:  # warm the page cache, as an open window has
            faq.search(s, query, limit=SEARCH_LIMIT, snippets=False)
        for _ in range(10):
            for query in QUERIES:
                began = time.perf_counter()
                result = faq.search(s, query, limit=SEARCH_LIMIT, snippets=False)
                timings[query].append((time.perf_counter() - began) * 1000)
                totals[query] = result.total
        # A tag on about 8,000 entries ("oracle"), as an engineer narrows a search; and the
        # extreme of a tag on more than half the manual ("nginx"), reported but not held to
        # the limit: the tag's entries are gathered as a set for every search.
        filtered, extreme = [], []
        for _ in range(3):
            for query in QUERIES:
                began = time.perf_counter()
                faq.search(s, query, SearchFilter(tag="oracle"), limit=SEARCH_LIMIT, snippets=False)
                filtered.append((time.perf_counter() - began) * 1000)
                began = time.perf_counter()
                faq.search(s, query, SearchFilter(tag="nginx"), limit=SEARCH_LIMIT, snippets=False)
                extreme.append((time.perf_counter() - began) * 1000)
        quoted = []
        for _ in range(3):  # as `faq search` and the link dialog ask: 50 hits with snippets
            for query in QUERIES:
                began = time.perf_counter()
                faq.search(s, query)
                quoted.append((time.perf_counter() - began) * 1000)
        listed = []
        for _ in range(10):  # the list the page shows before anything is typed
            began = time.perf_counter()
            faq.entries(s, limit=LIST_LIMIT)
            listed.append((time.perf_counter() - began) * 1000)
        tagged = {
            t: s.scalar(select(func.count()).select_from(FaqTag).where(FaqTag.tag == t))
            for t in ("oracle", "nginx")
        }
    every = sorted([*(t for ts in timings.values() for t in ts), *filtered])
    p95 = every[int(len(every) * 0.95) - 1]
    print(f"\nfaq search, {SEARCH_ENTRIES:,} entries on SQLite (loaded in {loaded:.1f} s):")
    for query in QUERIES:
        print(
            f"  {query!r:24} {totals[query]:>6} found  "
            f"median {statistics.median(timings[query]):5.1f} ms  max {max(timings[query]):5.1f} ms"
        )
    print(
        f"  all {len(every)} searches (with and without a tag filter): "
        f"median {statistics.median(every):.1f} ms, "
        f"p95 {p95:.1f} ms (limit {SEARCH_P95_MS} ms, ratio {p95 / SEARCH_P95_MS:.2f}); "
        f"with the tag filter alone median {statistics.median(filtered):.1f} ms, "
        f"max {max(filtered):.1f} ms"
    )
    quoted.sort()
    print(
        f"  50 hits with snippets (the CLI, the link dialog): median "
        f"{statistics.median(quoted):.1f} ms, p95 {quoted[int(len(quoted) * 0.95) - 1]:.1f} ms"
    )
    print(
        f"  the page's list of the newest {LIST_LIMIT} entries (nothing typed): "
        f"median {statistics.median(listed):.1f} ms, max {max(listed):.1f} ms"
    )
    print(
        f"  the tag filter 'oracle' is on {tagged['oracle']:,} entries; "
        f"a tag on {tagged['nginx']:,} of {SEARCH_ENTRIES:,} entries as the filter: median "
        f"{statistics.median(extreme):.1f} ms, max {max(extreme):.1f} ms (not held to the limit)"
    )
    assert totals["备份"] > 1_000  # a common word really matches thousands
    assert p95 <= SEARCH_P95_MS


@pytest.mark.benchmark
def test_month_export_of_1000_entries(sqlite_db: Database, qapp: object, tmp_path: Path) -> None:
    _load(sqlite_db, EXPORT_ENTRIES, published=True)
    font = resource_path("fonts/SupportDeskSansSC-Regular.ttf")
    month = datetime.now().astimezone().strftime("%Y-%m")
    started = time.perf_counter()
    with sqlite_db.read() as s:
        document = faq.manual(s, month)
    assembled = time.perf_counter() - started
    docx = faq.render(document, "docx", font)
    written_docx = time.perf_counter() - started
    pdf = faq.render(document, "pdf", font)
    total = time.perf_counter() - started
    assert document.count == EXPORT_ENTRIES
    print(
        f"\nfaq month export, {EXPORT_ENTRIES:,} entries: manual {assembled:.2f} s, "
        f"+ DOCX {written_docx - assembled:.2f} s ({len(docx) // 1024} KiB), "
        f"+ PDF {total - written_docx:.2f} s ({len(pdf) // 1024} KiB); "
        f"total {total:.2f} s (limit {EXPORT_LIMIT_S} s, ratio {total / EXPORT_LIMIT_S:.2f})"
    )
    assert total <= EXPORT_LIMIT_S
