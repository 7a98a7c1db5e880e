"""Realistic Chinese demo data, deterministic for a given scale and day."""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from supportdesk.db import team
from supportdesk.db.models import Customer, User
from supportdesk.domain.handover import BoundaryForm, FaqForm, HandoverState, IssueForm, SignOffForm
from supportdesk.domain.optimisation import Category, ItemForm
from supportdesk.domain.registry import (
    ContactForm,
    ContractForm,
    CustomerForm,
    HostForm,
    ProjectForm,
    SystemForm,
    add_months,
)
from supportdesk.services import demo_manual, handover, optimisation, registry, users

STAFF = [
    ("zhangsan", "张三", "engineer"),
    ("lisi", "李四", "salesperson"),
    ("wangwu", "王五", "engineer"),
    ("zhaoliu", "赵六", "engineer"),
    ("sunqi", "孙七", "group_leader"),
    ("zhouba", "周八", "sales_director"),
    ("wujiu", "吴九", "salesperson"),
    ("zhengshi", "郑十", "committee"),
]
CUSTOMERS = [
    ("华东电力调度中心", "华东电力", "上海"),
    ("北京市自来水集团", "北京水务", "北京"),
    ("广州第一人民医院", "广一医", "广州"),
    ("成都农商银行", "成都农商", "成都"),
    ("杭州市政务服务中心", "杭州政务", "杭州"),
    ("南京地铁运营公司", "南京地铁", "南京"),
    ("武汉钢铁物流", "武钢物流", "武汉"),
    ("西安航空学院", "西航院", "西安"),
    ("深圳港口集团", "深圳港", "深圳"),
    ("天津燃气公司", "天津燃气", "天津"),
    ("重庆公交集团", "重庆公交", "重庆"),
    ("苏州工业园区管委会", "苏州园区", "苏州"),
]
PROJECTS = ["调度平台", "营销系统", "档案管理", "移动办公", "数据中台", "运维监控"]
CONTACTS = [("王工", "信息科"), ("刘主任", "办公室"), ("陈经理", "运维部"), ("杨工", "网络组")]
HOST_ROLES = [("app", "app"), ("db", "db"), ("web", "web"), ("bak", "backup")]


@dataclass(frozen=True, slots=True)
class DemoSummary:
    customers: int
    hosts: int
    contracts: int
    entries: int = 0  # written into the service manual (besides the handovers' seeded FAQ)
    skipped: bool = False

    def describe(self) -> str:
        if self.skipped:
            return "the profile already holds data; no demo data added"
        return (
            f"{self.customers} customers, {self.hosts} hosts, {self.contracts} contracts, "
            f"{self.entries} service manual entries"
        )


def is_empty(session: Session) -> bool:
    return not session.scalar(select(func.count()).select_from(Customer))


def fill(session: Session, scale: int, today: date) -> DemoSummary:
    """Add demo data to an empty profile; a profile with data is left alone (no duplicates)."""
    if not is_empty(session):
        return DemoSummary(0, 0, 0, skipped=True)
    rnd = random.Random(f"{scale}-{today.isoformat()}")
    existing = set(session.scalars(select(User.login)))
    for login, name, role in STAFF:
        if login not in existing:
            # A team database needs a real login password; demo users get a random one.
            password = secrets.token_urlsafe(16) if team.is_postgres(session) else None
            users.add_user(
                session,
                login,
                role,
                name,
                f"{login}@example.cn",
                password,
                keep_existing_login=True,
            )
    engineers = [s[0] for s in STAFF if s[2] == "engineer"]
    sales = [s[0] for s in STAFF if s[2] == "salesperson"]
    hosts = contracts = customers = 0
    production: list[int] = []
    for round_no in range(scale):
        for index, (cname, short, region) in enumerate(CUSTOMERS):
            suffix = f"（{round_no + 1}）" if round_no else ""
            serial = round_no * len(CUSTOMERS) + index
            # Most customers were contacted; one recent one was not (seed 004's week rule).
            created = today - timedelta(days=rnd.randint(30, 900))
            contacted: date | None = created + timedelta(days=rnd.randint(1, 6))
            if index == 3:
                created, contacted = today - timedelta(days=10), None
            customer = registry.save_customer(
                session,
                CustomerForm(
                    cname + suffix, short + suffix, region, engineers[serial % 3], contacted
                ),
                today=created,
            )
            customers += 1
            for k, (person, dept) in enumerate(rnd.sample(CONTACTS, 2)):
                registry.save_contact(
                    session,
                    ContactForm(
                        customer.id,
                        person,
                        dept,
                        f"138{rnd.randint(10_000_000, 99_999_999)}",
                        f"contact{serial}_{k}@example.cn",
                        emergency=k == 0,
                    ),
                )
            for p, pname in enumerate(rnd.sample(PROJECTS, 2)):
                # R1.1 window: one project accepted recently, one about to be accepted.
                accepted = today + timedelta(
                    days=rnd.randint(-700, -20) if p == 0 else rnd.randint(5, 40)
                )
                project = registry.save_project(
                    session,
                    ProjectForm(
                        customer.id,
                        pname,
                        f"{short[:2].upper()}-{accepted.year}-{serial:03d}{p}",
                        planned_acceptance=accepted if p else accepted - timedelta(days=14),
                        acceptance_date=accepted if p == 0 else None,
                    ),
                )
                for e, env in enumerate(("production", "test") if p == 0 else ("production",)):
                    system = registry.save_system(
                        session,
                        SystemForm(
                            project.id,
                            f"{pname}{'生产' if env == 'production' else '测试'}",
                            env,
                            under_maintenance=env == "production",
                        ),
                    )
                    # Each system has its own subnet: no two demo hosts share an address.
                    hosts += _hosts(session, rnd, system.id, serial, p * 2 + e)
                    if env == "production":
                        production.append(system.id)
                        period = _contract(
                            session, rnd, system.id, accepted, today, sales[serial % 2], serial
                        )
                        contracts += 1
                _handover(session, rnd, project.id, accepted, today, period, serial % 4 == 0)
    entries = demo_manual.fill_manual(session, rnd, production)
    _optimisation(session, today, production)
    return DemoSummary(customers, hosts, contracts, entries)


# The group's own findings for last month's optimisation report (R2.4): the rest of the draft
# is what the app found (open handover issues and so on).
OPTIMISATIONS = [
    (
        "月初报表查询超过 10 秒",
        Category.PERFORMANCE,
        "研发二部",
        "明细表加组合索引，压测后上线",
    ),
    ("夜间备份偶发超时", Category.OPERATIONS, "运维组", "备份窗口提前到 01:00，并增加超时告警"),
    ("登录接口未限制失败次数", Category.SECURITY, "研发一部", "增加连续失败锁定策略"),
]


def _optimisation(session: Session, today: date, production: list[int]) -> None:
    """Last month's report as the group leader left it: a draft ready to submit."""
    first = today.replace(day=1) - timedelta(days=1)
    month = f"{first.year}-{first.month:02d}"
    optimisation.draft(session, month)
    wanted = production[: len(OPTIMISATIONS)]
    systems = [s for s in registry.list_systems(session) if s.id in wanted]
    for k, (system, found) in enumerate(zip(systems, OPTIMISATIONS, strict=False)):
        text, category, department, measure = found
        due = first.replace(day=10 + 7 * k)
        optimisation.save_item(
            session,
            ItemForm(month, system.project_id, text, category, department, due, measure, system.id),
        )


def _hosts(session: Session, rnd: random.Random, system_id: int, serial: int, subnet: int) -> int:
    created: list[int] = []
    count = rnd.randint(3, 8)
    for n in range(count):
        role, tag = HOST_ROLES[n % len(HOST_ROLES)]
        address = f"10.{serial % 250}.{subnet * 10 + n // 250}.{n % 250 + 10}"
        row = registry.save_host(
            session,
            HostForm(
                system_id,
                f"{role}{n + 1:02d}",
                address,
                22,
                "ops",
                jump_host_id=created[0] if created and n % 3 == 2 else None,
                tags=(tag, "linux") if n % 2 else (tag,),
            ),
        )
        created.append(row.id)
    return count


def _contract(
    session: Session,
    rnd: random.Random,
    system_id: int,
    accepted: date,
    today: date,
    salesperson: str,
    serial: int,
) -> tuple[date, date]:
    start = accepted + timedelta(days=1)
    # Every third system's free maintenance ends within three months (R4.1 demo).
    end = today + timedelta(days=rnd.randint(10, 85)) if serial % 3 == 0 else add_months(start, 12)
    if end < start:
        end = add_months(start, 12)
    registry.save_contract(
        session,
        ContractForm(
            system_id,
            start,
            end,
            "free" if serial % 4 else "paid",
            salesperson,
            3,
        ),
    )
    return start, end


MATERIALS = {
    "requirements": "需求规格说明书.docx",
    "design": "概要设计说明书.docx",
    "deployment_guide": "部署手册.pdf",
    "user_manual": "用户操作手册.pdf",
    "database_schema": "数据库设计说明书.xlsx",
}
FAQ = [
    ("登录后页面空白怎么办？", "清除浏览器缓存后重新登录；仍不行时检查应用服务日志 logs/app.log。"),
    ("夜间批处理没有运行", "检查 crontab 与批处理服务状态，必要时手工执行 run_batch.sh 补跑。"),
    ("报表导出很慢", "大于十万行的报表请按月份分批导出，或在业务低峰期执行。"),
]


def _handover(
    session: Session,
    rnd: random.Random,
    project_id: int,
    accepted: date,
    today: date,
    period: tuple[date, date],
    paid: bool,
) -> None:
    """R1.1-R1.3 in the demo: a project accepted a while ago was handed over and signed (or,
    where its contract is already paid, is still in progress and late); one about to be
    accepted has the group joined once its join date has come."""
    line = handover.timeline(session, project_id)
    if accepted > today:  # about to be accepted
        if line.join_on <= today:
            handover.advance(session, project_id, HandoverState.JOINED, line.join_on)
        return
    handover.advance(session, project_id, HandoverState.JOINED, line.join_on)
    handover.advance(session, project_id, HandoverState.IN_PROGRESS)
    names = list(MATERIALS.items())
    for category, name in names if not paid else names[:3]:
        handover.add_material(
            session, project_id, category, name, data=f"{line.project} {name}".encode()
        )
    handover.add_material(
        session,
        project_id,
        "source_repository",
        "源代码",
        location=f"https://git.example.cn/delivery/{project_id}.git@{rnd.getrandbits(40):010x}",
    )
    handover.save_issue(
        session,
        IssueForm(project_id, "历史数据迁移核对", "研发部 李工", accepted + timedelta(days=30)),
    )
    if paid:  # left in progress, past its due date: the list shows it late
        return
    handover.save_boundaries(
        session,
        BoundaryForm(
            project_id,
            "应用系统、数据库及中间件的日常维护与故障处理",
            "机房、网络、服务器硬件与操作系统补丁",
            period[0],
            period[1],
            "免费维保期满后按年签订有偿维保合同；未续签时仅提供有偿的单次服务",
            "月度巡检、备份检查、变更与故障处理、密码管理",
            "需求变更与二次开发由技术支持部负责",
        ),
    )
    for question, answer in rnd.sample(FAQ, 2):
        handover.save_faq(session, FaqForm(project_id, question, answer))
    signed_on = min(accepted + timedelta(days=rnd.randint(3, 13)), today)
    handover.sign(
        session,
        SignOffForm(
            project_id, signed_on, "售后组 孙七", "信息科 王工", "签字页.pdf", b"%PDF-1.4 demo"
        ),
        today=today,
    )
