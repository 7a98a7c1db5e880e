"""The demo's service manual (R2.2): realistic entries of an after-sales group, most of them
published, some waiting for the group leader, some still drafts."""

from __future__ import annotations

import random

from sqlalchemy.orm import Session

from supportdesk.domain.faq import FaqForm
from supportdesk.services import faq

# (category, question, symptom, cause, solution, workaround, tags, generic: no one system)
ENTRIES = [
    (
        "备份",
        "备份任务失败：磁盘空间不足",
        "凌晨的 RMAN 备份报 ORA-19502，备份目录所在分区使用率 100%。",
        "归档日志未按保留策略清理，两个月内累计占满 /backup 分区。",
        "1. 确认最近一次成功备份后，清理过期归档：\n\n"
        "```\nrman target /\n"
        "RMAN> DELETE NOPROMPT ARCHIVELOG ALL COMPLETED BEFORE 'SYSDATE-7';\n```\n\n"
        "2. 重新执行备份并在“备份”页面做一次备份检查。",
        "临时把备份输出改到 /data/backup_tmp，次日改回。",
        ("备份", "oracle", "磁盘"),
        False,
    ),
    (
        "应用",
        "应用日志不轮转，单个文件超过 20GB",
        "tomcat 的 catalina.out 持续增长，磁盘告警。",
        "部署时未配置 logrotate，catalina.out 由 tomcat 直接写入。",
        "新增 /etc/logrotate.d/tomcat：\n\n"
        "```\n/opt/tomcat/logs/catalina.out {\n    daily\n    rotate 30\n    copytruncate\n"
        "    compress\n    missingok\n}\n```\n\n用 `logrotate -d` 验证配置后生效。",
        "先执行 `> catalina.out` 清空文件释放空间（不要直接删除）。",
        ("日志", "tomcat", "linux"),
        True,
    ),
    (
        "数据库",
        "ORA-01555 快照过旧导致夜间报表失败",
        "月末报表批处理在 02:00 左右报 ORA-01555: snapshot too old。",
        "undo 表空间过小且 undo_retention 只有 900 秒，长查询期间 undo 被覆盖。",
        "扩大 undo 表空间并提高保留时间：\n\n"
        "```\nALTER DATABASE DATAFILE '/u01/oradata/undotbs01.dbf' RESIZE 8G;\n"
        "ALTER SYSTEM SET undo_retention = 10800 SCOPE=BOTH;\n```",
        "把报表批处理拆分为按部门分批执行。",
        ("oracle", "报表"),
        False,
    ),
    (
        "网络",
        "页面间歇性返回 502 Bad Gateway",
        "高峰期用户访问首页偶发 502，刷新后恢复。",
        "nginx 到上游 tomcat 的连接数不足，tomcat maxThreads 仅 200。",
        "调大 tomcat 的 maxThreads 到 500，并在 nginx 中开启上游长连接：\n\n"
        "```\nupstream app {\n    server 127.0.0.1:8080;\n    keepalive 64;\n}\n```",
        "",
        ("nginx", "性能"),
        True,
    ),
    (
        "数据库",
        "MySQL 主从复制延迟超过 10 分钟",
        "从库 Seconds_Behind_Master 持续增大，查询到旧数据。",
        "夜间批量更新为单个大事务，从库单线程回放。",
        "将批量更新按 1000 行提交一次；从库开启并行复制：\n\n"
        "```\nSET GLOBAL slave_parallel_workers = 4;\n"
        "SET GLOBAL slave_parallel_type = 'LOGICAL_CLOCK';\n```",
        "延迟期间把报表查询切回主库。",
        ("mysql", "复制"),
        False,
    ),
    (
        "操作系统",
        "巡检时 SSH 连接超时",
        "月度巡检中某台主机 SSH 连接 30 秒超时，其他主机正常。",
        "客户防火墙策略调整，22 端口只对运维网段开放。",
        "联系客户网络组把售后巡检跳板机加入白名单，并在“主机”页面确认跳板机设置。",
        "经跳板机 direct-tcpip 转发巡检。",
        ("ssh", "防火墙", "巡检"),
        False,
    ),
    (
        "应用",
        "登录页面验证码图片不显示",
        "登录页验证码位置显示为裂图，浏览器控制台报 404。",
        "升级后静态资源目录改名，nginx 的 location 未同步修改。",
        "修改 nginx 配置中的静态资源路径并 reload：\n\n```\nnginx -t && nginx -s reload\n```",
        "",
        ("nginx", "登录"),
        False,
    ),
    (
        "备份",
        "crontab 中的备份脚本没有运行",
        "备份目录两天没有新文件，手工执行脚本正常。",
        "服务器重启后 cron 服务未设置开机自启。",
        "```\nsystemctl enable --now cron\nsystemctl status cron\n```\n\n"
        "随后在“备份”页面检查该任务，确认当天文件生成。",
        "",
        ("备份", "cron", "linux"),
        True,
    ),
    (
        "安全",
        "HTTPS 证书过期导致接口调用失败",
        "第三方系统调用接口报 certificate has expired。",
        "证书一年期到期，未纳入到期提醒。",
        "申请新证书后替换 /etc/nginx/ssl 下的文件，reload nginx；把证书到期日登记到密码库备注中。",
        "",
        ("证书", "https"),
        True,
    ),
    (
        "应用",
        "报表导出中文乱码",
        "导出的 CSV 用 Excel 打开中文全部乱码。",
        "导出文件为 UTF-8 无 BOM，Excel 按 GBK 解析。",
        "导出时写入 UTF-8 BOM（\\ufeff），或改为导出 XLSX。",
        "用 WPS 打开，或在 Excel 中通过“数据→自文本”选择 UTF-8。",
        ("报表", "编码"),
        False,
    ),
    (
        "数据库",
        "表空间不足导致业务写入失败",
        "业务日志报 ORA-01653: unable to extend table。",
        "数据文件未开启自动扩展，业务量增长。",
        "```\nALTER TABLESPACE USERS ADD DATAFILE '/u01/oradata/users02.dbf' SIZE 4G "
        "AUTOEXTEND ON NEXT 512M MAXSIZE 32G;\n```",
        "",
        ("oracle", "表空间"),
        False,
    ),
    (
        "操作系统",
        "系统时间漂移导致单点登录失败",
        "部分用户登录报 token 已过期，时间相差约 5 分钟。",
        "应用服务器未配置 NTP，时钟持续漂移。",
        "```\ntimedatectl set-ntp true\nchronyc sources -v\n```\n\n确认与客户时钟源同步。",
        "",
        ("ntp", "登录", "linux"),
        True,
    ),
    (
        "应用",
        "定时任务重复执行",
        "每天的对账任务在同一时间执行两次，生成重复记录。",
        "应用部署为两个节点，定时任务未加分布式锁。",
        "在调度框架中开启集群模式（Quartz 的 isClustered=true），或只在一个节点启用定时任务。",
        "",
        ("定时任务", "集群"),
        False,
    ),
    (
        "网络",
        "DNS 解析慢导致接口超时",
        "调用外部接口偶发 5 秒超时。",
        "/etc/resolv.conf 中第一个 DNS 服务器已下线，每次解析先等待超时。",
        "删除失效的 nameserver，并设置 `options timeout:1 attempts:2`。",
        "",
        ("dns", "接口"),
        True,
    ),
    (
        "安全",
        "管理员账号被锁定",
        "管理员多次输错密码后无法登录后台。",
        "系统安全策略：连续 5 次失败锁定 30 分钟。",
        "等待 30 分钟自动解锁；或由数据库执行解锁脚本后，在密码库中更新新密码并记录使用原因。",
        "",
        ("账号", "密码"),
        False,
    ),
    (
        "数据库",
        "数据库连接池耗尽",
        "应用日志出现 Cannot get a connection, pool error Timeout waiting for idle object。",
        "慢查询占用连接，连接池 maxActive 只有 50。",
        "定位慢查询并补充索引；连接池 maxActive 调到 200，并开启 removeAbandoned。",
        "重启应用临时释放连接。",
        ("连接池", "性能"),
        False,
    ),
]


def fill_manual(session: Session, rnd: random.Random, systems: list[int]) -> int:
    """The entries above, each named for one of the demo's production systems unless it is
    generic; about two thirds published, the rest in review or drafts."""
    made = 0
    for n, (category, question, symptom, cause, solution, workaround, tags, generic) in enumerate(
        ENTRIES
    ):
        system = None if generic or not systems else rnd.choice(systems)
        entry = faq.save(
            session,
            FaqForm(
                question,
                symptom=symptom,
                cause=cause,
                solution=solution,
                workaround=workaround,
                category=category,
                system_id=system,
                applies_version="" if generic else f"V{rnd.randint(1, 3)}.{rnd.randint(0, 9)}",
                tags=tags,
            ),
        )
        made += 1
        if n % 6 == 5:
            continue  # a draft
        faq.submit(session, entry.row.id, None)
        if n % 6 != 4:
            faq.publish(session, entry.row.id, None)
    return made
