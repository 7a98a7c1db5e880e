<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AmendmentDialog</name>
    <message>
        <source>Start an amendment</source>
        <translation>发起修订</translation>
    </message>
    <message>
        <source>e.g. the customer moved the backup server; the deployment guide changes</source>
        <translation>例如：客户更换了备份服务器，部署手册需要更新</translation>
    </message>
    <message>
        <source>The package of {project} stays signed as it is. The amendment lets you change it; signing again records the next version, with this reason.</source>
        <translation>{project} 的移交文档保持已签字的原样。发起修订后可以修改；再次签字时登记为下一版本，并附上此原因。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ArtifactFileDialog</name>
    <message>
        <source>Archive a file</source>
        <translation>归档文件</translation>
    </message>
    <message>
        <source>Source code (a file or an archive)</source>
        <translation>源代码（文件或压缩包）</translation>
    </message>
    <message>
        <source>Database script</source>
        <translation>数据库脚本</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>(acknowledge only, assign later)</source>
        <translation>（仅确认，稍后指派）</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售人员</translation>
    </message>
    <message>
        <source>Acknowledging stops the reminder from being sent again; the salesperson follows it up with the customer and records the outcome.</source>
        <translation>确认后该提醒不再重复发送；由指派的销售人员跟进客户并登记结果。</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>PostgreSQL dumps</source>
        <translation>PostgreSQL 转储</translation>
    </message>
    <message>
        <source>MySQL dumps</source>
        <translation>MySQL 转储</translation>
    </message>
    <message>
        <source>restic repository</source>
        <translation>restic 备份仓库</translation>
    </message>
    <message>
        <source>borg repository</source>
        <translation>borg 备份仓库</translation>
    </message>
    <message>
        <source>the checksum the backup script recorded (SHA256SUMS)</source>
        <translation>备份脚本记录的校验和（SHA256SUMS）</translation>
    </message>
    <message>
        <source>the file as it lies in the backup directory</source>
        <translation>备份目录中现存的该文件</translation>
    </message>
    <message>
        <source>the repository&apos;s own copy</source>
        <translation>备份仓库自身保存的副本</translation>
    </message>
    <message>
        <source>the file kept</source>
        <translation>现存文件</translation>
    </message>
    <message>
        <source>the repository</source>
        <translation>备份仓库</translation>
    </message>
    <message>
        <source>the backup directory does not exist</source>
        <translation>备份目录不存在</translation>
    </message>
    <message>
        <source>the restore failed: {said}</source>
        <translation>恢复失败：{said}</translation>
    </message>
    <message>
        <source>{file} is not in the backup</source>
        <translation>备份中没有 {file}</translation>
    </message>
    <message>
        <source>the restored file&apos;s checksum differs from the one it should have</source>
        <translation>恢复出的文件校验和与应有的不一致</translation>
    </message>
    <message>
        <source>could not connect to {host}</source>
        <translation>无法连接 {host}</translation>
    </message>
    <message>
        <source>{host} refused the login</source>
        <translation>{host} 拒绝登录</translation>
    </message>
    <message>
        <source>the SSH connection to {host} failed</source>
        <translation>到 {host} 的 SSH 连接失败</translation>
    </message>
    <message>
        <source>the restore took longer than allowed</source>
        <translation>恢复超过了允许的时间</translation>
    </message>
    <message>
        <source>{host} is not known yet: accept its host key in an inspection first</source>
        <translation>{host} 尚未登记：请先在巡检中接受其主机密钥</translation>
    </message>
    <message>
        <source>the host key of {host} has changed: nothing was sent</source>
        <translation>{host} 的主机密钥已改变：未发送任何内容</translation>
    </message>
    <message>
        <source>Restored {file}: the checksum matches</source>
        <translation>已恢复 {file}：校验和一致</translation>
    </message>
    <message>
        <source>Cancelled: nothing was compared</source>
        <translation>已取消：未做任何比对</translation>
    </message>
    <message>
        <source>The restore drill failed: {reason}</source>
        <translation>恢复演练未通过：{reason}</translation>
    </message>
    <message>
        <source>File: {file}</source>
        <translation>文件：{file}</translation>
    </message>
    <message>
        <source>Compared with {reference}</source>
        <translation>比对依据：{reference}</translation>
    </message>
    <message>
        <source>SHA-256 expected {expected}, restored {restored}</source>
        <translation>SHA-256 应为 {expected}，恢复后为 {restored}</translation>
    </message>
    <message>
        <source>✔ restored</source>
        <translation>✔ 已恢复</translation>
    </message>
    <message>
        <source>Expected SHA-256: {expected}
Restored SHA-256: {restored}</source>
        <translation>应有的 SHA-256：{expected}
恢复后的 SHA-256：{restored}</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>the listing took longer than allowed</source>
        <translation>列出备份超过了允许的时间</translation>
    </message>
    <message>
        <source>the host stopped answering</source>
        <translation>主机不再响应</translation>
    </message>
    <message>
        <source>the connection broke off</source>
        <translation>连接中断</translation>
    </message>
    <message>
        <source>the command ended without an exit status</source>
        <translation>命令结束时没有返回退出状态</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>there is no directory {path}</source>
        <translation>目录 {path} 不存在</translation>
    </message>
    <message>
        <source>the dump does not end the way a complete dump does</source>
        <translation>转储文件的结尾不是完整转储应有的结尾</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未给出原因</translation>
    </message>
    <message>
        <source>Could not read the backups: {reason}</source>
        <translation>无法读取备份：{reason}</translation>
    </message>
    <message>
        <source>No backups found</source>
        <translation>未找到任何备份</translation>
    </message>
    <message>
        <source>Newest backup {age} h old ({newest}) — within the schedule</source>
        <translation>最新备份已有 {age} 小时（{newest}），符合备份周期</translation>
    </message>
    <message>
        <source>Newest backup {age} h old ({newest}) — more than the schedule allows</source>
        <translation>最新备份已有 {age} 小时（{newest}），超出备份周期允许的时间</translation>
    </message>
    <message>
        <source>Backups go back {days} days, to {oldest} ({required} required)</source>
        <translation>备份可追溯 {days} 天，最早为 {oldest}（要求 {required} 天）</translation>
    </message>
    <message>
        <source>Only {days} days of backups ({required} required), the oldest {oldest}</source>
        <translation>备份只有 {days} 天（要求 {required} 天），最早为 {oldest}</translation>
    </message>
    <message>
        <source>No gap between backups longer than the schedule allows</source>
        <translation>备份之间没有超出周期允许的间断</translation>
    </message>
    <message>
        <source>Gap of {hours} h between {after} and {before}</source>
        <translation>{after} 与 {before} 之间间断 {hours} 小时</translation>
    </message>
    <message>
        <source>Newest backup {size}, usually {usual}</source>
        <translation>最新备份 {size}，通常为 {usual}</translation>
    </message>
    <message>
        <source>Newest backup {size}, usually {usual} — less than half</source>
        <translation>最新备份 {size}，通常为 {usual}，不到通常大小的一半</translation>
    </message>
    <message>
        <source>The repository&apos;s check passed</source>
        <translation>备份仓库自检通过</translation>
    </message>
    <message>
        <source>The newest backup is complete and undamaged</source>
        <translation>最新备份完整且未损坏</translation>
    </message>
    <message>
        <source>The repository&apos;s check failed: {detail}</source>
        <translation>备份仓库自检未通过：{detail}</translation>
    </message>
    <message>
        <source>The newest backup is damaged or incomplete: {detail}</source>
        <translation>最新备份已损坏或不完整：{detail}</translation>
    </message>
    <message>
        <source>could not read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>no backups</source>
        <translation>没有备份</translation>
    </message>
    <message>
        <source>newest {age} h old</source>
        <translation>最新备份已有 {age} 小时</translation>
    </message>
    <message>
        <source>only {days} days</source>
        <translation>仅 {days} 天</translation>
    </message>
    <message>
        <source>gap of {hours} h</source>
        <translation>间断 {hours} 小时</translation>
    </message>
    <message>
        <source>shrunk</source>
        <translation>变小</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>never checked</source>
        <translation>从未检查</translation>
    </message>
    <message>
        <source>✔ passed</source>
        <translation>✔ 通过</translation>
    </message>
    <message>
        <source>{count} gaps</source>
        <translation>{count} 处间断</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>✘ failed: {problems}</source>
        <translation>✘ 未通过：{problems}</translation>
    </message>
    <message>
        <source>– cancelled</source>
        <translation>– 已取消</translation>
    </message>
    <message>
        <source>✘ failed</source>
        <translation>✘ 未通过</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>已检查</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>every {days} days ({hours} h)</source>
        <translation>每 {days} 天（{hours} 小时）</translation>
    </message>
    <message>
        <source>every {hours} h</source>
        <translation>每 {hours} 小时</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator set up backup jobs.</source>
        <translation>只有工程师、组长和管理员可以设置备份任务。</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator check backups.</source>
        <translation>只有工程师、组长和管理员可以检查备份。</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator run restore drills.</source>
        <translation>只有工程师、组长和管理员可以进行恢复演练。</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator set up backups on a host (under a planned change).</source>
        <translation>只有工程师、组长和管理员可以在主机上设置备份（须在计划中的变更下进行）。</translation>
    </message>
    <message>
        <source>Search customer, system, job, host or path…</source>
        <translation>搜索客户、系统、任务、主机或路径…</translation>
    </message>
    <message>
        <source>Needs attention only</source>
        <translation>仅看需处理的</translation>
    </message>
    <message>
        <source>Jobs whose last check failed, that were not checked for {days} days, or never.</source>
        <translation>最近一次检查未通过、超过 {days} 天未检查或从未检查的任务。</translation>
    </message>
    <message>
        <source>Add job…</source>
        <translation>添加任务…</translation>
    </message>
    <message>
        <source>Edit job…</source>
        <translation>编辑任务…</translation>
    </message>
    <message>
        <source>Check selected</source>
        <translation>检查所选</translation>
    </message>
    <message>
        <source>Check all shown</source>
        <translation>检查全部显示的</translation>
    </message>
    <message>
        <source>Set up a backup…</source>
        <translation>设置备份…</translation>
    </message>
    <message>
        <source>Restore drill…</source>
        <translation>恢复演练…</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>备份任务</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Every (h)</source>
        <translation>间隔（小时）</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>最近检查</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The job</source>
        <translation>备份任务</translation>
    </message>
    <message>
        <source>Host and path</source>
        <translation>主机与路径</translation>
    </message>
    <message>
        <source>Backup files</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>备份周期</translation>
    </message>
    <message>
        <source>Repository password</source>
        <translation>仓库密码</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Checked at</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <source>Restore drill of {job}: {result}</source>
        <translation>{job} 的恢复演练：{result}</translation>
    </message>
    <message>
        <source>The backup is set up on {host} and the change recorded as executed; from now on these jobs check it: {names}.</source>
        <translation>已在 {host} 上设置备份，变更已记为已执行；今后由以下任务检查：{names}。</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>执行情况</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Evidence…</source>
        <translation>证据…</translation>
    </message>
    <message>
        <source>Check history</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>Restore drills</source>
        <translation>恢复演练记录</translation>
    </message>
    <message>
        <source>Drilled at</source>
        <translation>演练时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>比对依据</translation>
    </message>
    <message>
        <source>Drilled by</source>
        <translation>演练人</translation>
    </message>
    <message>
        <source>Never checked: nothing proves yet that these backups can be restored.</source>
        <translation>从未检查：尚无任何证据表明这些备份可以恢复。</translation>
    </message>
    <message>
        <source>Last checked {days} days ago: check it again.</source>
        <translation>上次检查在 {days} 天前：请重新检查。</translation>
    </message>
    <message>
        <source>Jobs: {count} · failing: {failed} · not checked for {days} days: {stale} · never checked: {never}</source>
        <translation>任务：{count} · 未通过：{failed} · 超过 {days} 天未检查：{stale} · 从未检查：{never}</translation>
    </message>
    <message>
        <source>Check history ({count})</source>
        <translation>检查记录（{count}）</translation>
    </message>
    <message>
        <source>Restore drills ({count})</source>
        <translation>恢复演练记录（{count}）</translation>
    </message>
    <message>
        <source>Select a job to see its checks.</source>
        <translation>选择一个任务以查看其检查情况。</translation>
    </message>
    <message>
        <source>{schedule}; a backup more than {late} h after the one before counts as missed</source>
        <translation>{schedule}；与上一次备份相隔超过 {late} 小时即视为漏备</translation>
    </message>
    <message>
        <source>vault credential {name}</source>
        <translation>密码库凭据 {name}</translation>
    </message>
    <message>
        <source>{at} by {who}: {status}</source>
        <translation>{at}，{who}：{status}</translation>
    </message>
    <message>
        <source>Restore drill at {at}</source>
        <translation>{at} 的恢复演练</translation>
    </message>
    <message>
        <source>Restore drill</source>
        <translation>恢复演练</translation>
    </message>
    <message>
        <source>Findings of the check at {at}</source>
        <translation>{at} 检查的结果</translation>
    </message>
    <message>
        <source>Loading the systems and hosts…</source>
        <translation>正在加载系统和主机…</translation>
    </message>
    <message>
        <source>Select a job first.</source>
        <translation>请先选择一个任务。</translation>
    </message>
    <message>
        <source>A check is running.</source>
        <translation>正在检查。</translation>
    </message>
    <message>
        <source>Open the vault first (on the Vault page): the hosts&apos; credentials and the repositories&apos; passwords are there.</source>
        <translation>请先（在“密码库”页面）打开密码库：主机凭据和备份仓库密码保存在那里。</translation>
    </message>
    <message>
        <source>No jobs are shown.</source>
        <translation>当前没有显示任何任务。</translation>
    </message>
    <message>
        <source>A restore drill is open: finish or close it first.</source>
        <translation>恢复演练窗口已打开：请先完成或关闭它。</translation>
    </message>
    <message>
        <source>Open the vault first (on the Vault page): the host&apos;s credential is there.</source>
        <translation>请先（在“密码库”页面）打开密码库：主机凭据保存在那里。</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator see what a host said.</source>
        <translation>只有工程师、组长和管理员可以查看主机的原始输出。</translation>
    </message>
    <message>
        <source>Select a check in the history first.</source>
        <translation>请先在检查记录中选择一次检查。</translation>
    </message>
    <message>
        <source>This check kept no evidence.</source>
        <translation>这次检查没有保存证据。</translation>
    </message>
    <message>
        <source>Select a drill in the history first.</source>
        <translation>请先在演练记录中选择一次演练。</translation>
    </message>
    <message>
        <source>This drill kept no evidence.</source>
        <translation>这次演练没有保存证据。</translation>
    </message>
    <message>
        <source>Add a backup job to a system: where its backups are and how often.</source>
        <translation>为系统添加备份任务：备份放在哪里、多久备份一次。</translation>
    </message>
    <message>
        <source>Correct the selected job.</source>
        <translation>修改所选任务。</translation>
    </message>
    <message>
        <source>List and judge the selected job&apos;s backups on its host, over SSH.</source>
        <translation>通过 SSH 在主机上列出并判断所选任务的备份。</translation>
    </message>
    <message>
        <source>Check every job the table shows, one after another.</source>
        <translation>逐个检查表中显示的全部任务。</translation>
    </message>
    <message>
        <source>What the host said in the selected check, and the command it ran.</source>
        <translation>所选检查中主机的原始输出及所执行的命令。</translation>
    </message>
    <message>
        <source>Where a customer has no backup: install a daily backup on a host of the system, under a planned change, and add the jobs that check it.</source>
        <translation>客户没有备份时：在计划中的变更下，于该系统的一台主机上安装每日备份，并添加检查它的任务。</translation>
    </message>
    <message>
        <source>Restore one file of the selected job&apos;s backups on its host and compare its checksum: proof that the backups can be restored.</source>
        <translation>在主机上恢复所选任务备份中的一个文件并比对校验和：证明备份确实可以恢复。</translation>
    </message>
    <message>
        <source>What the host said in the selected drill, and the command it ran.</source>
        <translation>所选演练中主机的原始输出及所执行的命令。</translation>
    </message>
    <message>
        <source>Add a system first (Projects and systems).</source>
        <translation>请先添加系统（项目与系统）。</translation>
    </message>
    <message>
        <source>Saved the backup job {name}.</source>
        <translation>已保存备份任务 {name}。</translation>
    </message>
    <message>
        <source>Checking backups ({count} to check)…</source>
        <translation>正在检查备份（共 {count} 个任务）…</translation>
    </message>
    <message>
        <source>Checked {checked}: {passed} passed, {failed} failed.</source>
        <translation>已检查 {checked} 个：{passed} 个通过，{failed} 个未通过。</translation>
    </message>
    <message>
        <source>Cancelled after {checked} of {total} jobs; the job being checked was recorded as cancelled, the rest were not checked.</source>
        <translation>已在完成 {total} 个中的 {checked} 个后取消；正在检查的任务记为已取消，其余未检查。</translation>
    </message>
    <message>
        <source>Cancelling: the job being checked stops within seconds…</source>
        <translation>正在取消：正在检查的任务将在几秒内停止…</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <source>New change</source>
        <translation>新建变更</translation>
    </message>
    <message>
        <source>Edit the change</source>
        <translation>编辑变更</translation>
    </message>
    <message>
        <source>e.g. upgrade the dispatch service to 3.2</source>
        <translation>例如：升级调度服务至 3.2 版</translation>
    </message>
    <message>
        <source>What is changed: programs, configuration, database objects</source>
        <translation>变更内容：程序、配置、数据库对象</translation>
    </message>
    <message>
        <source>e.g. the dispatch pages are unavailable for about 30 minutes</source>
        <translation>例如：调度页面约 30 分钟不可用</translation>
    </message>
    <message>
        <source>Who makes the change: ours, the customer&apos;s or a contractor, by name</source>
        <translation>由谁执行变更：我方、客户方或第三方人员，写明姓名</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>变更原因</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>变更范围</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>计划开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>Possible impact</source>
        <translation>可能的影响</translation>
    </message>
    <message>
        <source>Rollback plan</source>
        <translation>回退方案</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>监督人</translation>
    </message>
    <message>
        <source>Changing the schedule, scope, possible impact or duration means the customer must be told again before the change is made.</source>
        <translation>修改时间、范围、可能的影响或持续时间后，执行变更前需要重新告知客户。</translation>
    </message>
    <message>
        <source>Under maintenance: the customer must be told the schedule, impact, scope and duration before the change is made.</source>
        <translation>维保中：执行变更前，必须告知客户变更的时间、影响、范围和持续时间。</translation>
    </message>
    <message>
        <source>Not under maintenance: no customer notice is required.</source>
        <translation>不在维保期内：无需告知客户。</translation>
    </message>
</context>
<context>
    <name>ChangeNotice</name>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分钟</translation>
    </message>
    <message>
        <source>Planned change to {system} on {day}: {title}</source>
        <translation>{system} 计划于 {day} 进行变更：{title}</translation>
    </message>
    <message>
        <source>Dear {customer},</source>
        <translation>尊敬的{customer}：</translation>
    </message>
    <message>
        <source>We plan the following change to {system}:</source>
        <translation>我们计划对 {system} 进行以下变更：</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>时间安排</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>变更范围</translation>
    </message>
    <message>
        <source>Possible impact</source>
        <translation>可能的影响</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>变更原因</translation>
    </message>
    <message>
        <source>If it fails</source>
        <translation>失败时的回退方案</translation>
    </message>
    <message>
        <source>Please tell us if this time does not suit you. Reference: change {id}.</source>
        <translation>如该时间不便，请告知我们。参考编号：变更 {id}。</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>executed</source>
        <translation>已执行</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>executed without notice</source>
        <translation>未告知客户即执行</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>计划开始时间</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>持续时间（分钟）</translation>
    </message>
    <message>
        <source>Rollback plan</source>
        <translation>回退方案</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>监督人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Executed at</source>
        <translation>执行时间</translation>
    </message>
    <message>
        <source>Customer notice</source>
        <translation>客户告知</translation>
    </message>
    <message>
        <source>Emergency reason</source>
        <translation>紧急原因</translation>
    </message>
</context>
<context>
    <name>ChangesPage</name>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>source code</source>
        <translation>源代码</translation>
    </message>
    <message>
        <source>commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>database script</source>
        <translation>数据库脚本</translation>
    </message>
    <message>
        <source>deployed files&apos; checksums</source>
        <translation>部署文件校验和</translation>
    </message>
    <message>
        <source>queued ({count} not yet sent)</source>
        <translation>待发送（{count} 封未发出）</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>{start} to {end} ({duration})</source>
        <translation>{start} 至 {end}（{duration}）</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator record changes.</source>
        <translation>只有工程师、组长和管理员可以登记变更。</translation>
    </message>
    <message>
        <source>told</source>
        <translation>已告知</translation>
    </message>
    <message>
        <source>mail queued ({count})</source>
        <translation>邮件待发送（{count}）</translation>
    </message>
    <message>
        <source>not told</source>
        <translation>未告知</translation>
    </message>
    <message>
        <source>Executed without telling the customer first. Emergency reason: {reason}</source>
        <translation>未事先告知客户即执行。紧急原因：{reason}</translation>
    </message>
    <message>
        <source>Search title, reason, scope, impact, people, customer or system…</source>
        <translation>搜索标题、原因、范围、影响、人员、客户或系统…</translation>
    </message>
    <message>
        <source>All systems</source>
        <translation>全部系统</translation>
    </message>
    <message>
        <source>Executed without notice only</source>
        <translation>仅看未告知即执行的</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <source>New change…</source>
        <translation>新建变更…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Tell the customer…</source>
        <translation>告知客户…</translation>
    </message>
    <message>
        <source>Mark executed…</source>
        <translation>标记为已执行…</translation>
    </message>
    <message>
        <source>Cancel change…</source>
        <translation>取消变更…</translation>
    </message>
    <message>
        <source>Not under maintenance: no customer notice is required.</source>
        <translation>不在维保期内：无需告知客户。</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>计划开始时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Customer notice</source>
        <translation>客户告知</translation>
    </message>
    <message>
        <source>{state}, flagged</source>
        <translation>{state}，已标记</translation>
    </message>
    <message>
        <source>The change</source>
        <translation>变更详情</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>变更原因</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>变更范围</translation>
    </message>
    <message>
        <source>Possible impact</source>
        <translation>可能的影响</translation>
    </message>
    <message>
        <source>Rollback plan</source>
        <translation>回退方案</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>监督人</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>To whom</source>
        <translation>告知对象</translation>
    </message>
    <message>
        <source>Told at</source>
        <translation>告知时间</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Customer notices</source>
        <translation>客户告知记录</translation>
    </message>
    <message>
        <source>✔ verified</source>
        <translation>✔ 校验通过</translation>
    </message>
    <message>
        <source>✘ does not verify</source>
        <translation>✘ 校验失败</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>SHA-256 or commit</source>
        <translation>SHA-256 或提交号</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>Archive file…</source>
        <translation>归档文件…</translation>
    </message>
    <message>
        <source>Archive commit…</source>
        <translation>归档提交…</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <source>Archive: changed source and database scripts</source>
        <translation>归档：变更的源代码与数据库脚本</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Executed at</source>
        <translation>执行时间</translation>
    </message>
    <message>
        <source>Source or commit</source>
        <translation>源代码或提交</translation>
    </message>
    <message>
        <source>Database scripts</source>
        <translation>数据库脚本</translation>
    </message>
    <message>
        <source>What runs on each system: its newest executed change that archived source, a commit or scripts. Double-click a row to see the change.</source>
        <translation>各系统当前运行的版本：即该系统最近一次已执行、并归档了源代码、提交或脚本的变更。双击一行可查看该变更。</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>Running versions</source>
        <translation>运行版本</translation>
    </message>
    <message>
        <source>Change log ({count})</source>
        <translation>变更记录（{count}）</translation>
    </message>
    <message>
        <source>Select a change to see it in full.</source>
        <translation>选择一条变更以查看详情。</translation>
    </message>
    <message>
        <source>under maintenance</source>
        <translation>维保中</translation>
    </message>
    <message>
        <source>not under maintenance</source>
        <translation>不在维保期内</translation>
    </message>
    <message>
        <source>{state} at {at}</source>
        <translation>{state}（{at}）</translation>
    </message>
    <message>
        <source>{customer} · {system} ({maintenance})</source>
        <translation>{customer} · {system}（{maintenance}）</translation>
    </message>
    <message>
        <source>Customer notices ({count})</source>
        <translation>客户告知记录（{count}）</translation>
    </message>
    <message>
        <source>Told by {channel}: {who}, {when}</source>
        <translation>已通过{channel}告知：{who}，{when}</translation>
    </message>
    <message>
        <source>Mail queued: it counts once the mail server has accepted every copy ({count} not yet).</source>
        <translation>邮件待发送：邮件服务器接收全部邮件后才算已告知（尚有 {count} 封未发出）。</translation>
    </message>
    <message>
        <source>Told before the schedule, scope, impact or duration changed: tell the customer again.</source>
        <translation>告知后变更的时间安排、范围、影响或持续时间又有修改：请重新告知客户。</translation>
    </message>
    <message>
        <source>Not told.</source>
        <translation>未告知。</translation>
    </message>
    <message>
        <source>Not told yet: required before the change (R3.2).</source>
        <translation>尚未告知：变更前必须告知客户（R3.2）。</translation>
    </message>
    <message>
        <source>Not told (not required: the system is not under maintenance).</source>
        <translation>未告知（该系统不在维保期内，无需告知）。</translation>
    </message>
    <message>
        <source>Add a system first (Projects and systems).</source>
        <translation>请先添加系统（项目与系统）。</translation>
    </message>
    <message>
        <source>Select a change first.</source>
        <translation>请先选择一条变更。</translation>
    </message>
    <message>
        <source>This change is {state}: only a planned change can be changed.</source>
        <translation>该变更{state}：只有计划中的变更可以修改。</translation>
    </message>
    <message>
        <source>This change was cancelled: there is nothing to archive.</source>
        <translation>该变更已取消：无需归档。</translation>
    </message>
    <message>
        <source>The change is loading…</source>
        <translation>正在读取变更…</translation>
    </message>
    <message>
        <source>Select an archived file first.</source>
        <translation>请先选择一个已归档的文件。</translation>
    </message>
    <message>
        <source>A commit is a reference: there is no file to save.</source>
        <translation>提交只是一个引用：没有可保存的文件。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Plan a change to a system: reason, scope, schedule, impact, rollback, executor and supervisor.</source>
        <translation>为系统计划一次变更：原因、范围、时间、影响、回退方案、执行人和监督人。</translation>
    </message>
    <message>
        <source>Correct the planned change. Changing its schedule, scope, impact or duration means telling the customer again.</source>
        <translation>修改计划中的变更。修改时间、范围、影响或持续时间后，需要重新告知客户。</translation>
    </message>
    <message>
        <source>Record that the customer was told the schedule, possible impact, scope and duration: by phone, or by mail from SupportDesk.</source>
        <translation>登记已向客户告知变更的时间、可能的影响、范围和持续时间：电话告知，或由 SupportDesk 发送邮件。</translation>
    </message>
    <message>
        <source>Record that the change was made, and when.</source>
        <translation>登记变更已执行及执行时间。</translation>
    </message>
    <message>
        <source>Cancel the planned change.</source>
        <translation>取消这条计划中的变更。</translation>
    </message>
    <message>
        <source>Archive the changed source (a file or an archive) or a database script; it is kept by its SHA-256.</source>
        <translation>归档变更的源代码（文件或压缩包）或数据库脚本；按 SHA-256 保存。</translation>
    </message>
    <message>
        <source>Archive the commit the change was built from.</source>
        <translation>归档构建此次变更所用的提交。</translation>
    </message>
    <message>
        <source>Save a copy of the archived file (checked against its SHA-256).</source>
        <translation>另存已归档文件的副本（按 SHA-256 校验）。</translation>
    </message>
    <message>
        <source>No changes are shown to export.</source>
        <translation>当前没有可导出的变更。</translation>
    </message>
    <message>
        <source>Save the changes shown as an Excel workbook.</source>
        <translation>将当前显示的变更导出为 Excel 工作簿。</translation>
    </message>
    <message>
        <source>The notice mail is queued: it counts once the mail server accepts it.</source>
        <translation>告知邮件已排队：邮件服务器接收后才算已告知。</translation>
    </message>
    <message>
        <source>Cancel change {id}, {title}, planned for {start} on {system}? A cancelled change stays in the log and cannot be executed.</source>
        <translation>取消计划于 {start} 在 {system} 上进行的变更 {id}（{title}）？已取消的变更仍保留在变更记录中，且不能再执行。</translation>
    </message>
    <message>
        <source>Cancel change</source>
        <translation>取消变更</translation>
    </message>
    <message>
        <source>Archive a file of the change</source>
        <translation>归档变更文件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Database scripts (*.sql)</source>
        <translation>数据库脚本 (*.sql)</translation>
    </message>
    <message>
        <source>Archives (*.zip *.tar *.gz *.tgz *.7z *.rar)</source>
        <translation>压缩包 (*.zip *.tar *.gz *.tgz *.7z *.rar)</translation>
    </message>
    <message>
        <source>Archived {name} ({reference}).</source>
        <translation>已归档 {name}（{reference}）。</translation>
    </message>
    <message>
        <source>Save a copy of {name}</source>
        <translation>另存 {name} 的副本</translation>
    </message>
    <message>
        <source>Saving a copy of {name}…</source>
        <translation>正在另存 {name} 的副本…</translation>
    </message>
    <message>
        <source>Saved a copy: {path}</source>
        <translation>副本已保存：{path}</translation>
    </message>
    <message>
        <source>Export the change log</source>
        <translation>导出变更记录</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>change-log_{date}</source>
        <translation>变更记录_{date}</translation>
    </message>
    <message>
        <source>Exporting {count} changes to {path}…</source>
        <translation>正在将 {count} 条变更导出到 {path}…</translation>
    </message>
    <message>
        <source>Exported: {path}</source>
        <translation>已导出：{path}</translation>
    </message>
</context>
<context>
    <name>CheckProgressDialog</name>
    <message>
        <source>Checking backups</source>
        <translation>正在检查备份</translation>
    </message>
    <message>
        <source>Each job&apos;s result is kept as soon as it is checked. Cancel stops the job being checked within seconds; it is recorded as cancelled.</source>
        <translation>每个任务检查完即保存结果。取消会在几秒内停止正在检查的任务，并将其记为已取消。</translation>
    </message>
    <message>
        <source>Checking {job} ({done} of {total} done)…</source>
        <translation>正在检查 {job}（已完成 {done}/{total}）…</translation>
    </message>
    <message>
        <source>Cancelling: the job being checked stops within seconds…</source>
        <translation>正在取消：正在检查的任务将在几秒内停止…</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <source>Manual checklist</source>
        <translation>人工检查项</translation>
    </message>
    <message>
        <source>Ticked by hand: these items are not checked over SSH.</source>
        <translation>人工勾选：这些项目不通过 SSH 检查。</translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation>（可选）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Screenshot…</source>
        <translation>截图…</translation>
    </message>
    <message>
        <source>This system has no manual items.</source>
        <translation>该系统没有人工检查项。</translation>
    </message>
    <message>
        <source>Screenshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>CommentReturnDialog</name>
    <message>
        <source>What must be changed (required)</source>
        <translation>需要修改的内容（必填）</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
</context>
<context>
    <name>CommitDialog</name>
    <message>
        <source>Archive a commit</source>
        <translation>归档提交</translation>
    </message>
    <message>
        <source>e.g. dispatch/app.git, branch release-3.2</source>
        <translation>例如：dispatch/app.git，release-3.2 分支</translation>
    </message>
    <message>
        <source>7 to 64 hexadecimal digits</source>
        <translation>7 至 64 位十六进制数字</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>代码仓库</translation>
    </message>
    <message>
        <source>Commit id</source>
        <translation>提交号</translation>
    </message>
</context>
<context>
    <name>ContractsPage</name>
    <message>
        <source>Maintenance contracts</source>
        <translation>维保合同</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维保类型</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Notice (months)</source>
        <translation>提前通知（月）</translation>
    </message>
    <message>
        <source>Warn sales on</source>
        <translation>提醒销售日期</translation>
    </message>
    <message>
        <source>Delete the maintenance contract of {system} ending {end}?</source>
        <translation>删除 {system} 于 {end} 到期的维保合同？</translation>
    </message>
    <message>
        <source>Delete maintenance contract</source>
        <translation>删除维保合同</translation>
    </message>
</context>
<context>
    <name>CustomerCopiesDialog</name>
    <message>
        <source>one e-mail address per line</source>
        <translation>每行一个邮箱地址</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Copy to</source>
        <translation>抄送</translation>
    </message>
    <message>
        <source>These addresses receive a copy of every maintenance expiry mail about this customer. Leave empty to copy nobody.</source>
        <translation>这些地址会收到该客户每一封维保到期邮件的抄送。留空则不抄送。</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>负责工程师</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>录入日期</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>首次联系</translation>
    </message>
    <message>
        <source>overdue: not contacted within a week</source>
        <translation>逾期：一周内未联系</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Contacts of the selected customer</source>
        <translation>所选客户的联系人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>Delete customer {name} with its {contacts} contacts and {projects} projects, including their systems, hosts and contracts?</source>
        <translation>删除客户 {name} 及其 {contacts} 个联系人和 {projects} 个项目（包括其系统、主机和合同）？</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Delete contact {name}?</source>
        <translation>删除联系人 {name}？</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>删除联系人</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>&lt;h3&gt;SupportDesk {version}&lt;/h3&gt;&lt;p&gt;The after-sales group&apos;s service desk.&lt;/p&gt;&lt;p&gt;Qt {qt}, PySide6 {pyside}&lt;/p&gt;&lt;p&gt;Profile: {profile}&lt;br&gt;Database: {database}&lt;br&gt;Log file: {log}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SupportDesk {version}&lt;/h3&gt;&lt;p&gt;售后服务组的运维服务台。&lt;/p&gt;&lt;p&gt;Qt {qt}，PySide6 {pyside}&lt;/p&gt;&lt;p&gt;配置档：{profile}&lt;br&gt;数据库：{database}&lt;br&gt;日志文件：{log}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About SupportDesk</source>
        <translation>关于 SupportDesk</translation>
    </message>
    <message>
        <source>SupportDesk</source>
        <translation>SupportDesk</translation>
    </message>
    <message>
        <source>The details were written to {path}.</source>
        <translation>详细信息已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <source>Restore drill: {job}</source>
        <translation>恢复演练：{job}</translation>
    </message>
    <message>
        <source>Restores one file of these backups into a scratch directory on {host}, removed afterwards, and compares its checksum with the one it should have. Nothing of the customer&apos;s is changed.</source>
        <translation>将这些备份中的一个文件恢复到 {host} 上的临时目录（完成后删除），并将其校验和与应有的校验和比对。不会改动客户的任何数据。</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Start the drill</source>
        <translation>开始演练</translation>
    </message>
    <message>
        <source>File in the newest snapshot</source>
        <translation>最新快照中的文件</translation>
    </message>
    <message>
        <source>e.g. /etc/nginx/nginx.conf</source>
        <translation>例如：/etc/nginx/nginx.conf</translation>
    </message>
    <message>
        <source>Required: the full path of a file inside the newest snapshot, starting with /.</source>
        <translation>必填：最新快照中某个文件的完整路径，以 / 开头。</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <source>empty: the newest backup</source>
        <translation>留空：最新的备份</translation>
    </message>
    <message>
        <source>Optional: the name of one backup file in {path}, without a directory. Empty: the newest.</source>
        <translation>选填：{path} 中某个备份文件的文件名（不含目录）。留空：最新的一个。</translation>
    </message>
    <message>
        <source>Open the vault first (on the Vault page): the host&apos;s credential is there.</source>
        <translation>请先（在“密码库”页面）打开密码库：主机凭据保存在那里。</translation>
    </message>
    <message>
        <source>Restoring {file} on {host}…</source>
        <translation>正在 {host} 上恢复 {file}…</translation>
    </message>
    <message>
        <source>the newest backup</source>
        <translation>最新的备份</translation>
    </message>
    <message>
        <source>Cancelling: the drill stops within seconds…</source>
        <translation>正在取消：演练将在几秒内停止…</translation>
    </message>
    <message>
        <source>Cancelled before the drill began: nothing was restored.</source>
        <translation>演练开始前已取消：未恢复任何内容。</translation>
    </message>
    <message>
        <source>Drill again</source>
        <translation>再次演练</translation>
    </message>
</context>
<context>
    <name>EntityPanel</name>
    <message>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Evidence of {host}</source>
        <translation>{host} 的证据</translation>
    </message>
    <message>
        <source>Host key: {fingerprint}</source>
        <translation>主机密钥：{fingerprint}</translation>
    </message>
    <message>
        <source>Started: {at}  Ended: {end}</source>
        <translation>开始：{at}  结束：{end}</translation>
    </message>
    <message>
        <source>Outcome: {outcome}, exit status {status}</source>
        <translation>结果：{outcome}，退出码 {status}</translation>
    </message>
</context>
<context>
    <name>ExecutedDialog</name>
    <message>
        <source>Mark the change executed</source>
        <translation>标记变更已执行</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>Executed at</source>
        <translation>执行时间</translation>
    </message>
    <message>
        <source>Told by {channel}: {who}, {when}</source>
        <translation>已通过{channel}告知：{who}，{when}</translation>
    </message>
    <message>
        <source>Not told yet</source>
        <translation>尚未告知</translation>
    </message>
    <message>
        <source>Not under maintenance: no notice is required</source>
        <translation>不在维保期内：无需告知</translation>
    </message>
    <message>
        <source>Customer notice</source>
        <translation>客户告知</translation>
    </message>
    <message>
        <source>{system} is under maintenance: the customer must be told the schedule, possible impact, scope and duration before it is changed, and they have not been told of this change. Tell the customer first (Tell the customer…).</source>
        <translation>{system} 处于维保期内：变更前必须告知客户变更的时间、可能的影响、范围和持续时间，而客户尚未被告知此次变更。请先告知客户（“告知客户…”）。</translation>
    </message>
    <message>
        <source>If it was an emergency that could not wait, give the reason: the change is then recorded as executed without notice and flagged in the change log.</source>
        <translation>如属无法等待的紧急情况，请填写原因：该变更将被记录为“未告知客户即执行”，并在变更记录中标记。</translation>
    </message>
    <message>
        <source>e.g. the database server failed at 02:00; the fix could not wait</source>
        <translation>例如：凌晨两点数据库服务器故障，修复无法等待</translation>
    </message>
    <message>
        <source>Record as emergency (flagged)</source>
        <translation>按紧急变更登记（将被标记）</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>已执行</translation>
    </message>
</context>
<context>
    <name>ExternalBoundaryTab</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Saving the period creates the free maintenance contract of each production system, or moves it with the period.</source>
        <translation>保存维保期时，会为每个生产系统创建免费维保合同；维保期变更时合同随之调整。</translation>
    </message>
    <message>
        <source>The company maintains</source>
        <translation>公司负责维护</translation>
    </message>
    <message>
        <source>The customer does</source>
        <translation>客户负责</translation>
    </message>
    <message>
        <source>When maintenance expires</source>
        <translation>维保到期后</translation>
    </message>
    <message>
        <source>Free maintenance period</source>
        <translation>免费维保期</translation>
    </message>
</context>
<context>
    <name>FaqDialog</name>
    <message>
        <source>Add a question</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <source>Edit the question</source>
        <translation>编辑问题</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>解答</translation>
    </message>
</context>
<context>
    <name>FaqEditDialog</name>
    <message>
        <source>New service manual entry</source>
        <translation>新建售后服务手册条目</translation>
    </message>
    <message>
        <source>Edit entry {id}</source>
        <translation>编辑条目 {id}</translation>
    </message>
    <message>
        <source>The problem as a customer or engineer would put it</source>
        <translation>用客户或工程师的说法描述问题</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>（不限）</translation>
    </message>
    <message>
        <source>e.g. 3.1 and later</source>
        <translation>例如 3.1 及以上</translation>
    </message>
    <message>
        <source>Comma separated, e.g. 备份, 磁盘</source>
        <translation>用逗号分隔，例如 备份, 磁盘</translation>
    </message>
    <message>
        <source>A solution or a workaround is required.</source>
        <translation>解决方法与临时规避至少填写一项。</translation>
    </message>
    <message>
        <source>Insert image…</source>
        <translation>插入图片…</translation>
    </message>
    <message>
        <source>A screenshot at the cursor; it is stored with the entry when you save.</source>
        <translation>在光标处插入截图；保存时随条目一起存储。</translation>
    </message>
    <message>
        <source>Insert code block</source>
        <translation>插入代码块</translation>
    </message>
    <message>
        <source>Commands or output, kept exactly as typed (the selected text, if any).</source>
        <translation>命令或输出，原样保留（如有选中文字则放入代码块）。</translation>
    </message>
    <message>
        <source>What this save changed, kept with the revision</source>
        <translation>本次保存改了什么，随修订记录保存</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Customer / project / system</source>
        <translation>客户 / 项目 / 系统</translation>
    </message>
    <message>
        <source>Applies to version</source>
        <translation>适用版本</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Markdown: **bold**, - lists, ``` code ```; images by button.</source>
        <translation>Markdown 格式：**粗体**、- 列表、``` 代码 ```；图片请用按钮插入。</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>修改说明</translation>
    </message>
    <message>
        <source>Saving makes this entry a draft again: the manual keeps the published revision until the group leader publishes the new one.</source>
        <translation>保存后本条目重新变为草稿：在组长发布新修订之前，手册仍使用已发布的修订。</translation>
    </message>
    <message>
        <source>Insert an image</source>
        <translation>插入图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif *.bmp)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FaqLinkDialog</name>
    <message>
        <source>Link a service manual entry</source>
        <translation>关联售后服务手册条目</translation>
    </message>
    <message>
        <source>Search the service manual by words of the question, the tags or the answer, then pick the entry to link.</source>
        <translation>按问题、标签或解答中的词语搜索售后服务手册，然后选择要关联的条目。</translation>
    </message>
    <message>
        <source>e.g. ORA-01555, 备份失败</source>
        <translation>例如 ORA-01555、备份失败</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>已关联</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>The most recently changed entries. Type to search.</source>
        <translation>最近修改的条目。输入词语即可搜索。</translation>
    </message>
    <message>
        <source>No entry holds every word typed.</source>
        <translation>没有条目包含所输入的全部词语。</translation>
    </message>
    <message>
        <source>Entries found: {total}, the first {shown} shown. Add words to narrow them.</source>
        <translation>找到 {total} 个条目，显示前 {shown} 个。可添加词语缩小范围。</translation>
    </message>
    <message>
        <source>Entries found: {total}.</source>
        <translation>找到 {total} 个条目。</translation>
    </message>
    <message>
        <source>Select an entry first.</source>
        <translation>请先选择一个条目。</translation>
    </message>
    <message>
        <source>This entry is linked already.</source>
        <translation>该条目已关联。</translation>
    </message>
    <message>
        <source>Linking…</source>
        <translation>正在关联…</translation>
    </message>
    <message>
        <source>Link the selected entry.</source>
        <translation>关联所选条目。</translation>
    </message>
</context>
<context>
    <name>FaqManual</name>
    <message>
        <source>Service manual</source>
        <translation>售后服务手册</translation>
    </message>
    <message>
        <source>Service manual: changes this month</source>
        <translation>售后服务手册：本月更新</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Generated on:</source>
        <translation>生成日期：</translation>
    </message>
    <message>
        <source>Entries:</source>
        <translation>条目数：</translation>
    </message>
    <message>
        <source>Grouped by:</source>
        <translation>分组方式：</translation>
    </message>
    <message>
        <source>system</source>
        <translation>按系统</translation>
    </message>
    <message>
        <source>category</source>
        <translation>按分类</translation>
    </message>
    <message>
        <source>New:</source>
        <translation>新增：</translation>
    </message>
    <message>
        <source>Revised:</source>
        <translation>修订：</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Update the field (F9) to show page numbers.</source>
        <translation>更新域（F9）以显示页码。</translation>
    </message>
    <message>
        <source>The manual has no entries.</source>
        <translation>手册中尚无条目。</translation>
    </message>
    <message>
        <source>No entry was published or revised this month.</source>
        <translation>本月没有发布或修订的条目。</translation>
    </message>
    <message>
        <source>No system</source>
        <translation>未指定系统</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>分类：</translation>
    </message>
    <message>
        <source>Applies to:</source>
        <translation>适用于：</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>作者：</translation>
    </message>
    <message>
        <source>Reviewer:</source>
        <translation>审核人：</translation>
    </message>
    <message>
        <source>Revision:</source>
        <translation>修订号：</translation>
    </message>
    <message>
        <source>Published:</source>
        <translation>发布日期：</translation>
    </message>
    <message>
        <source>Change:</source>
        <translation>变化：</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Revised</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>Symptom</source>
        <translation>现象</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>解决方法</translation>
    </message>
    <message>
        <source>Workaround</source>
        <translation>临时规避</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
</context>
<context>
    <name>FaqPage</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>submitted for review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>published</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Symptom</source>
        <translation>现象</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>解决方法</translation>
    </message>
    <message>
        <source>Workaround</source>
        <translation>临时规避</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>没有差异。</translation>
    </message>
    <message>
        <source>Search questions, symptoms, causes, solutions, tags… (e.g. 备份 失败)</source>
        <translation>搜索问题、现象、原因、解决方法、标签…（例如 备份 失败）</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>All systems</source>
        <translation>全部系统</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>New entry…</source>
        <translation>新建条目…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Revisions…</source>
        <translation>修订记录…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Uploads…</source>
        <translation>上传…</translation>
    </message>
    <message>
        <source>The manual&apos;s month-end uploads to the document system; export a month.</source>
        <translation>手册每月末上传到文档管理系统的记录；导出某个月的手册。</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Customer / system</source>
        <translation>客户 / 系统</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>{by}, {at}</source>
        <translation>{by}，{at}</translation>
    </message>
    <message>
        <source>About the entry</source>
        <translation>条目信息</translation>
    </message>
    <message>
        <source>Returned because</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订号</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Linked by</source>
        <translation>关联人</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Linked from</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Results: {count}</source>
        <translation>共 {count} 条结果</translation>
    </message>
    <message>
        <source>{results}, the first {shown} shown</source>
        <translation>{results}，显示前 {shown} 条</translation>
    </message>
    <message>
        <source>Select an entry to read it.</source>
        <translation>选择一个条目查看内容。</translation>
    </message>
    <message>
        <source>{state} (revision {revision} is published)</source>
        <translation>{state}（已发布修订 {revision}）</translation>
    </message>
    <message>
        <source>all systems</source>
        <translation>全部系统</translation>
    </message>
    <message>
        <source>revision {revision}</source>
        <translation>修订 {revision}</translation>
    </message>
    <message>
        <source>Attachments ({count})</source>
        <translation>附件（{count}）</translation>
    </message>
    <message>
        <source>Linked from ({count})</source>
        <translation>关联（{count}）</translation>
    </message>
    <message>
        <source>Only engineers and the group leader write service manual entries.</source>
        <translation>只有售后工程师和组长可以编写售后服务手册条目。</translation>
    </message>
    <message>
        <source>Only the group leader reviews, publishes and returns entries.</source>
        <translation>只有组长可以审核、发布和退回条目。</translation>
    </message>
    <message>
        <source>Select an entry first.</source>
        <translation>请先选择一个条目。</translation>
    </message>
    <message>
        <source>Only a draft is submitted for review; this entry is {state}.</source>
        <translation>只有草稿可以提交审核；本条目当前为“{state}”。</translation>
    </message>
    <message>
        <source>Only an entry in review is published or returned.</source>
        <translation>只有待审核的条目可以发布或退回。</translation>
    </message>
    <message>
        <source>This entry was published once: the manual&apos;s history keeps it. Edit it instead.</source>
        <translation>本条目曾经发布，手册的历史需要保留它，不能删除；请改为编辑。</translation>
    </message>
    <message>
        <source>The entry is loading…</source>
        <translation>正在加载条目…</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <source>List the next {count} results too.</source>
        <translation>再列出后面 {count} 条结果。</translation>
    </message>
    <message>
        <source>The group leader is reviewing this entry: it cannot be deleted now.</source>
        <translation>组长正在审核此条目，现在不能删除。</translation>
    </message>
    <message>
        <source>Only its author or the group leader deletes an entry.</source>
        <translation>只有作者或组长可以删除条目。</translation>
    </message>
    <message>
        <source>Write a new entry (a draft).</source>
        <translation>编写新条目（草稿）。</translation>
    </message>
    <message>
        <source>Change the entry; a published entry becomes a draft to review again.</source>
        <translation>修改条目；已发布的条目修改后重新变为草稿，需再次审核。</translation>
    </message>
    <message>
        <source>Ask the group leader to review the draft.</source>
        <translation>请组长审核这份草稿。</translation>
    </message>
    <message>
        <source>Approve the entry: this revision goes into the manual.</source>
        <translation>审核通过：本修订将收入手册。</translation>
    </message>
    <message>
        <source>Send the entry back to its author with a comment.</source>
        <translation>附上意见，把条目退回给作者。</translation>
    </message>
    <message>
        <source>Every saved revision, what changed, and restoring an earlier one.</source>
        <translation>查看每次保存的修订、改动内容，并可恢复早先的修订。</translation>
    </message>
    <message>
        <source>Delete a draft that was never published.</source>
        <translation>删除从未发布过的草稿。</translation>
    </message>
    <message>
        <source>Select an attachment first.</source>
        <translation>请先选择一个附件。</translation>
    </message>
    <message>
        <source>Save a copy of the attachment (checked against its SHA-256).</source>
        <translation>保存附件副本（按 SHA-256 校验）。</translation>
    </message>
    <message>
        <source>Delete entry {id}, {question}? It was never published; its revisions and attachments go with it.</source>
        <translation>删除条目 {id}“{question}”？它从未发布过，其修订记录和附件将一并删除。</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>删除条目</translation>
    </message>
    <message>
        <source>Entry {id} was deleted.</source>
        <translation>条目 {id} 已删除。</translation>
    </message>
    <message>
        <source>Save a copy of {name}</source>
        <translation>保存 {name} 的副本</translation>
    </message>
    <message>
        <source>Saving a copy of {name}…</source>
        <translation>正在保存 {name} 的副本…</translation>
    </message>
    <message>
        <source>Saved a copy: {path}</source>
        <translation>副本已保存：{path}</translation>
    </message>
</context>
<context>
    <name>FinaliseDialog</name>
    <message>
        <source>Finalise the report</source>
        <translation>报告定稿</translation>
    </message>
    <message>
        <source>Record why these hosts were not inspected:</source>
        <translation>请记录这些主机未巡检的原因：</translation>
    </message>
    <message>
        <source>Every host was inspected. Finalise the report?</source>
        <translation>所有主机都已巡检。要定稿报告吗？</translation>
    </message>
    <message>
        <source>Why {host} was not inspected</source>
        <translation>{host} 未巡检的原因</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>e.g. quotation sent on 3 March, the customer decides in April</source>
        <translation>例如：3月3日已发报价，客户4月决定</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>space-separated, e.g. app db</source>
        <translation>以空格分隔，例如 app db</translation>
    </message>
    <message>
        <source>Close this dialog and open the record again to reload it.</source>
        <translation>请关闭此对话框并重新打开该记录以重新加载。</translation>
    </message>
</context>
<context>
    <name>HandoverPackage</name>
    <message>
        <source>Requirements</source>
        <translation>需求文档</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计文档</translation>
    </message>
    <message>
        <source>Deployment guide</source>
        <translation>部署手册</translation>
    </message>
    <message>
        <source>User manual</source>
        <translation>用户手册</translation>
    </message>
    <message>
        <source>Source repository</source>
        <translation>源代码仓库</translation>
    </message>
    <message>
        <source>Database schema</source>
        <translation>数据库结构</translation>
    </message>
    <message>
        <source>production</source>
        <translation>生产</translation>
    </message>
    <message>
        <source>staging</source>
        <translation>预发布</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>development</source>
        <translation>开发</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Handover package</source>
        <translation>项目移交文档</translation>
    </message>
    <message>
        <source>Draft for signature</source>
        <translation>待签字稿</translation>
    </message>
    <message>
        <source>Signed, version {version}</source>
        <translation>已签字，第 {version} 版</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Final acceptance</source>
        <translation>终验日期</translation>
    </message>
    <message>
        <source>After-sales group joins</source>
        <translation>售后介入日期</translation>
    </message>
    <message>
        <source>Handover due</source>
        <translation>移交截止日期</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>{name} ({environment})</source>
        <translation>{name}（{environment}）</translation>
    </message>
    <message>
        <source>Part 1. Technical materials</source>
        <translation>第一部分 技术资料</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size or location</source>
        <translation>大小或位置</translation>
    </message>
    <message>
        <source>SHA-256 (first {count})</source>
        <translation>SHA-256（前 {count} 位）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Part 2. Outstanding issues</source>
        <translation>第二部分 遗留问题</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Completion date</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Part 3. External boundary</source>
        <translation>第三部分 外部边界</translation>
    </message>
    <message>
        <source>The company maintains</source>
        <translation>公司负责维护</translation>
    </message>
    <message>
        <source>The customer does</source>
        <translation>客户负责</translation>
    </message>
    <message>
        <source>Maintenance period</source>
        <translation>维保期</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>When maintenance expires</source>
        <translation>维保到期后</translation>
    </message>
    <message>
        <source>Part 4. Internal boundary</source>
        <translation>第四部分 内部边界</translation>
    </message>
    <message>
        <source>Work of after-sales</source>
        <translation>售后负责的工作</translation>
    </message>
    <message>
        <source>Work of the technical support departments</source>
        <translation>技术支持部门负责的工作</translation>
    </message>
    <message>
        <source>Frequently asked questions</source>
        <translation>常见问题</translation>
    </message>
    <message>
        <source>Question {number}:</source>
        <translation>问题 {number}：</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>解答：</translation>
    </message>
    <message>
        <source>Emergency contacts</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>签字确认</translation>
    </message>
    <message>
        <source>By signing, both sides confirm the four parts above of the handover package of {project} ({customer}), and that the handover is complete.</source>
        <translation>双方签字即确认{project}（{customer}）项目移交文档的以上四部分内容，项目移交完成。</translation>
    </message>
    <message>
        <source>Company (after-sales) signature:</source>
        <translation>公司（售后服务组）签字：</translation>
    </message>
    <message>
        <source>Customer signature:</source>
        <translation>客户签字：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签字日期</translation>
    </message>
    <message>
        <source>Signed for the company</source>
        <translation>公司签字人</translation>
    </message>
    <message>
        <source>Signed for the customer</source>
        <translation>客户签字人</translation>
    </message>
    <message>
        <source>Scan of the signed paper</source>
        <translation>签字页扫描件</translation>
    </message>
    <message>
        <source>Reason for the amendment</source>
        <translation>修订原因</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>无记录。</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>handover-package</source>
        <translation>移交文档</translation>
    </message>
</context>
<context>
    <name>HandoverPackageDialog</name>
    <message>
        <source>someone</source>
        <translation>他人</translation>
    </message>
    <message>
        <source>Parts 3 and 4 were saved by {user} after you opened them. Your text is still in the editors: copy what you need, press Revert to see theirs, then make your change again.</source>
        <translation>在您打开之后，{user} 保存了第三、四部分。您输入的内容仍在编辑框中：请复制需要的部分，点击“还原”查看对方的版本，然后重新修改。</translation>
    </message>
    <message>
        <source>This FAQ entry was changed by {user} after you opened it. Close the dialog and open the entry again.</source>
        <translation>在您打开之后，{user} 修改了这个常见问题。请关闭对话框后重新打开。</translation>
    </message>
    <message>
        <source>That entry no longer exists (someone removed it).</source>
        <translation>该条目已不存在（已被他人删除）。</translation>
    </message>
</context>
<context>
    <name>HandoverPackageEditor</name>
    <message>
        <source>Signed and frozen — start an amendment to change it.</source>
        <translation>已签字并冻结——如需修改，请先发起修订。</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator edit a handover package.</source>
        <translation>只有工程师、组长和管理员可以编辑移交文档。</translation>
    </message>
    <message>
        <source>✔ verified</source>
        <translation>✔ 校验通过</translation>
    </message>
    <message>
        <source>✘ the frozen package was changed</source>
        <translation>✘ 冻结的移交文档已被改动</translation>
    </message>
    <message>
        <source>✘ the scan was changed</source>
        <translation>✘ 签字扫描件已被改动</translation>
    </message>
    <message>
        <source>✘ not in the audit chain</source>
        <translation>✘ 审计链中无此记录</translation>
    </message>
    <message>
        <source>✘ the audit chain is broken</source>
        <translation>✘ 审计链已损坏</translation>
    </message>
    <message>
        <source>✘ does not match its record</source>
        <translation>✘ 与签字记录不符</translation>
    </message>
    <message>
        <source>1 Technical materials</source>
        <translation>1 技术资料</translation>
    </message>
    <message>
        <source>3 External boundary</source>
        <translation>3 外部边界</translation>
    </message>
    <message>
        <source>4 Internal boundary</source>
        <translation>4 内部边界</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>签字确认</translation>
    </message>
    <message>
        <source>2 Outstanding issues</source>
        <translation>2 遗留问题</translation>
    </message>
    <message>
        <source>Select a project first.</source>
        <translation>请先选择一个项目。</translation>
    </message>
    <message>
        <source>The package is loading…</source>
        <translation>正在读取移交文档…</translation>
    </message>
    <message>
        <source>Amendment under way: {reason}</source>
        <translation>修订进行中：{reason}</translation>
    </message>
    <message>
        <source>Missing: {missing}</source>
        <translation>尚缺：{missing}</translation>
    </message>
    <message>
        <source>Nothing changed yet.</source>
        <translation>尚未修改。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Save parts 3 and 4 of the package (both tabs).</source>
        <translation>保存移交文档的第三、四部分（两个标签页一起保存）。</translation>
    </message>
    <message>
        <source>Throw away the changes and show the package as last saved.</source>
        <translation>放弃修改，显示最近一次保存的内容。</translation>
    </message>
    <message>
        <source>Parts 3 and 4 saved.</source>
        <translation>第三、四部分已保存。</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>已介入</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>移交中</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>{date} (planned)</source>
        <translation>{date}（计划）</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <source>Signed on {date}</source>
        <translation>{date} 签字</translation>
    </message>
    <message>
        <source>Late: due {days} days ago</source>
        <translation>已逾期：截止日已过 {days} 天</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天截止</translation>
    </message>
    <message>
        <source>Due in {days} days</source>
        <translation>{days} 天后截止</translation>
    </message>
    <message>
        <source>Late only</source>
        <translation>仅逾期</translation>
    </message>
    <message>
        <source>The group joined…</source>
        <translation>售后组已介入…</translation>
    </message>
    <message>
        <source>Handover started</source>
        <translation>移交已开始</translation>
    </message>
    <message>
        <source>late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Handovers</source>
        <translation>项目移交</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>终验</translation>
    </message>
    <message>
        <source>Group joins</source>
        <translation>售后介入</translation>
    </message>
    <message>
        <source>Handover due</source>
        <translation>移交截止</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>介入日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Outstanding issues</source>
        <translation>遗留问题</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Completion date</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>关闭日期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Add issue…</source>
        <translation>添加问题…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Close issue</source>
        <translation>关闭问题</translation>
    </message>
    <message>
        <source>Late only ({count})</source>
        <translation>仅逾期（{count}）</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Parts 3 and 4 of the package of {project} have changes that are not saved. Discard them?</source>
        <translation>{project} 移交文档第三、四部分有未保存的修改。放弃这些修改吗？</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator keep a handover&apos;s outstanding issues.</source>
        <translation>只有工程师、组长和管理员可以维护移交的遗留问题。</translation>
    </message>
    <message>
        <source>Select an issue first.</source>
        <translation>请先选择一个问题。</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Add an outstanding issue to the project.</source>
        <translation>为项目添加一个遗留问题。</translation>
    </message>
    <message>
        <source>Change the selected issue.</source>
        <translation>修改所选问题。</translation>
    </message>
    <message>
        <source>Close the selected issue as done today.</source>
        <translation>将所选问题以今天为完成日期关闭。</translation>
    </message>
    <message>
        <source>Open the selected issue again.</source>
        <translation>重新打开所选问题。</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator record a handover&apos;s progress.</source>
        <translation>只有工程师、组长和管理员可以登记移交进度。</translation>
    </message>
    <message>
        <source>Select a project first.</source>
        <translation>请先选择一个项目。</translation>
    </message>
    <message>
        <source>The group has already joined this project.</source>
        <translation>售后组已介入该项目。</translation>
    </message>
    <message>
        <source>Record first that the group joined the project.</source>
        <translation>请先登记售后组已介入该项目。</translation>
    </message>
    <message>
        <source>The handover has already started.</source>
        <translation>移交已经开始。</translation>
    </message>
    <message>
        <source>Record the day the after-sales group joined the project.</source>
        <translation>登记售后组介入该项目的日期。</translation>
    </message>
    <message>
        <source>Record that the handover of the project has started.</source>
        <translation>登记该项目的移交已开始。</translation>
    </message>
</context>
<context>
    <name>HandoverTimeline</name>
    <message>
        <source>Group joins</source>
        <translation>售后介入</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>终验</translation>
    </message>
    <message>
        <source>Handover due</source>
        <translation>移交截止</translation>
    </message>
    <message>
        <source>Select a project to see its handover timeline.</source>
        <translation>选择一个项目以查看移交时间线。</translation>
    </message>
    <message>
        <source>Today {date}</source>
        <translation>今天 {date}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Earlier secrets of {name}</source>
        <translation>{name} 的历史密码</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>替换时间</translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation>替换人</translation>
    </message>
    <message>
        <source>No earlier secrets: it has never been changed.</source>
        <translation>没有历史密码：该密码从未修改过。</translation>
    </message>
    <message>
        <source>Reveal…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Customer not contacted within a week of being added</source>
        <translation>客户录入后一周内未联系</translation>
    </message>
    <message>
        <source>Maintenance ends on {date}: warn sales</source>
        <translation>维保将于 {date} 到期：提醒销售</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Concerning</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Needs attention today ({today}): {count}</source>
        <translation>今日（{today}）待处理：{count} 项</translation>
    </message>
    <message>
        <source>Nothing needs attention today ({today}).</source>
        <translation>今日（{today}）没有待处理事项。</translation>
    </message>
</context>
<context>
    <name>HostKeyDialog</name>
    <message>
        <source>Host key of {host}</source>
        <translation>{host} 的主机密钥</translation>
    </message>
    <message>
        <source>The host key of {host} has CHANGED.
Accepted: {old}
Now: {new}
Accept the new key only after checking it with the customer (group leader).</source>
        <translation>{host} 的主机密钥已变化。
已接受：{old}
现在：{new}
请先与客户核实，再接受新密钥（仅限组长）。</translation>
    </message>
    <message>
        <source>{host} is not known yet. Its key fingerprint is
{fingerprint}
Compare it with the one on the server (ssh-keygen -lf) before accepting.</source>
        <translation>{host} 尚未登记。它的密钥指纹是
{fingerprint}
接受前请与服务器上的指纹核对（ssh-keygen -lf）。</translation>
    </message>
    <message>
        <source>Why the key changed (required)</source>
        <translation>密钥变化的原因（必填）</translation>
    </message>
    <message>
        <source>Accept this key</source>
        <translation>接受此密钥</translation>
    </message>
</context>
<context>
    <name>HostsPage</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>User</source>
        <translation>登录用户</translation>
    </message>
    <message>
        <source>Jump host</source>
        <translation>跳板机</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>凭据</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Filter by customer, system, host, address or tag…</source>
        <translation>按客户、系统、主机、地址或标签筛选…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>{count} hosts</source>
        <translation>共 {count} 台主机</translation>
    </message>
    <message>
        <source>Delete host {name} ({address}) of {system}?</source>
        <translation>删除 {system} 的主机 {name}（{address}）？</translation>
    </message>
    <message>
        <source>Delete host</source>
        <translation>删除主机</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>disk use</source>
        <translation>磁盘使用率</translation>
    </message>
    <message>
        <source>free inodes</source>
        <translation>剩余 inode</translation>
    </message>
    <message>
        <source>memory use</source>
        <translation>内存使用率</translation>
    </message>
    <message>
        <source>free swap</source>
        <translation>剩余交换空间</translation>
    </message>
    <message>
        <source>load per CPU</source>
        <translation>每 CPU 负载</translation>
    </message>
    <message>
        <source>clock drift</source>
        <translation>时钟偏差</translation>
    </message>
    <message>
        <source>uptime</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <source>failed services</source>
        <translation>失败的服务</translation>
    </message>
    <message>
        <source>listening port</source>
        <translation>监听端口</translation>
    </message>
    <message>
        <source>listening ports</source>
        <translation>监听端口</translation>
    </message>
    <message>
        <source>process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>/etc/passwd checksum</source>
        <translation>/etc/passwd 校验和</translation>
    </message>
    <message>
        <source>custom check</source>
        <translation>自定义检查</translation>
    </message>
    <message>
        <source>first inspection</source>
        <translation>首次巡检</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <source>changed since last month</source>
        <translation>与上月相比有变化</translation>
    </message>
    <message>
        <source>no systemd</source>
        <translation>无 systemd</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>due</source>
        <translation>待巡检</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>final</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Run selected</source>
        <translation>巡检所选</translation>
    </message>
    <message>
        <source>Run all due</source>
        <translation>巡检全部待办</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Host key…</source>
        <translation>主机密钥…</translation>
    </message>
    <message>
        <source>Evidence…</source>
        <translation>证据…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Checklist…</source>
        <translation>检查项…</translation>
    </message>
    <message>
        <source>Finalise…</source>
        <translation>定稿…</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Systems under maintenance</source>
        <translation>维护中的系统</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Worst</source>
        <translation>最差</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>inspected</source>
        <translation>已巡检</translation>
    </message>
    <message>
        <source>Open the vault first: the hosts&apos; credentials are there.</source>
        <translation>请先打开密码库：主机凭据保存在那里。</translation>
    </message>
    <message>
        <source>Inspecting…</source>
        <translation>正在巡检…</translation>
    </message>
    <message>
        <source>Finished: {host}</source>
        <translation>已完成：{host}</translation>
    </message>
    <message>
        <source>{reached} of {hosts} hosts inspected.</source>
        <translation>已巡检 {hosts} 台主机中的 {reached} 台。</translation>
    </message>
    <message>
        <source>Cancelled: finished hosts are kept.</source>
        <translation>已取消：已完成的主机结果已保留。</translation>
    </message>
    <message>
        <source>Cancelling: running hosts stop within 2 s…</source>
        <translation>正在取消：进行中的主机将在 2 秒内停止…</translation>
    </message>
    <message>
        <source>Return the report</source>
        <translation>退回报告</translation>
    </message>
    <message>
        <source>What must be changed? (required)</source>
        <translation>需要修改什么？（必填）</translation>
    </message>
    <message>
        <source>Approved and filed: {files}</source>
        <translation>已批准并归档：{files}</translation>
    </message>
    <message>
        <source>Host key accepted</source>
        <translation>已接受主机密钥</translation>
    </message>
    <message>
        <source>The key of {host} is accepted. Run the inspection again.</source>
        <translation>已接受 {host} 的密钥。请重新巡检。</translation>
    </message>
</context>
<context>
    <name>InspectionReport</name>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>disk use</source>
        <translation>磁盘使用率</translation>
    </message>
    <message>
        <source>free inodes</source>
        <translation>剩余 inode</translation>
    </message>
    <message>
        <source>memory use</source>
        <translation>内存使用率</translation>
    </message>
    <message>
        <source>free swap</source>
        <translation>剩余交换空间</translation>
    </message>
    <message>
        <source>load per CPU</source>
        <translation>每 CPU 负载</translation>
    </message>
    <message>
        <source>clock drift</source>
        <translation>时钟偏差</translation>
    </message>
    <message>
        <source>uptime</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <source>failed services</source>
        <translation>失败的服务</translation>
    </message>
    <message>
        <source>listening port</source>
        <translation>监听端口</translation>
    </message>
    <message>
        <source>listening ports</source>
        <translation>监听端口</translation>
    </message>
    <message>
        <source>process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>/etc/passwd checksum</source>
        <translation>/etc/passwd 校验和</translation>
    </message>
    <message>
        <source>custom check</source>
        <translation>自定义检查</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>final</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Inspected by</source>
        <translation>巡检人</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Finalised by</source>
        <translation>定稿人</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>screenshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>inspected {start} to {end}; host key {fingerprint}; evidence {sha}</source>
        <translation>巡检时间 {start} 至 {end}；主机密钥 {fingerprint}；证据 {sha}</translation>
    </message>
    <message>
        <source>not inspected ({outcome}): {reason}; evidence {sha}</source>
        <translation>未巡检（{outcome}）：{reason}；证据 {sha}</translation>
    </message>
    <message>
        <source>Backups (R3.3)</source>
        <translation>备份情况（R3.3）</translation>
    </message>
    <message>
        <source>Backup job</source>
        <translation>备份任务</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>recoverable</source>
        <translation>可恢复</translation>
    </message>
    <message>
        <source>failed: {problems}</source>
        <translation>未通过：{problems}</translation>
    </message>
    <message>
        <source>not checked this month</source>
        <translation>本月未检查</translation>
    </message>
    <message>
        <source>No backup job is recorded for this system.</source>
        <translation>本系统尚未登记备份任务。</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>no backups</source>
        <translation>没有备份</translation>
    </message>
    <message>
        <source>newest too old</source>
        <translation>最新备份过旧</translation>
    </message>
    <message>
        <source>less than 60 days kept</source>
        <translation>保留不足 60 天</translation>
    </message>
    <message>
        <source>gaps</source>
        <translation>存在间断</translation>
    </message>
    <message>
        <source>newest much smaller</source>
        <translation>最新备份明显变小</translation>
    </message>
    <message>
        <source>check failed</source>
        <translation>校验失败</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Monthly inspection report</source>
        <translation>月度巡检报告</translation>
    </message>
    <message>
        <source>Manual checklist (ticked by hand)</source>
        <translation>人工检查项（人工勾选）</translation>
    </message>
    <message>
        <source>Findings and follow-ups</source>
        <translation>发现的问题与跟进</translation>
    </message>
    <message>
        <source>Nothing to follow up.</source>
        <translation>无需跟进。</translation>
    </message>
</context>
<context>
    <name>InspectionSettingsDialog</name>
    <message>
        <source>Inspection settings of {system}</source>
        <translation>{system} 的巡检设置</translation>
    </message>
    <message>
        <source>e.g. 22, 443, 5432</source>
        <translation>例如 22, 443, 5432</translation>
    </message>
    <message>
        <source>e.g. sshd, java, postgres</source>
        <translation>例如 sshd, java, postgres</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Exit status (empty: any)</source>
        <translation>退出码（留空：不限）</translation>
    </message>
    <message>
        <source>Output must match (regular expression)</source>
        <translation>输出须匹配（正则表达式）</translation>
    </message>
    <message>
        <source>Item, ticked by hand</source>
        <translation>检查项（人工勾选）</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Custom commands</source>
        <translation>自定义命令</translation>
    </message>
    <message>
        <source>Manual checklist</source>
        <translation>人工检查项</translation>
    </message>
</context>
<context>
    <name>InternalBoundaryTab</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>解答</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Link an entry…</source>
        <translation>关联条目…</translation>
    </message>
    <message>
        <source>Unlink…</source>
        <translation>取消关联…</translation>
    </message>
    <message>
        <source>On sign-off the questions above become draft manual entries, linked here. Links are not part of the signed package: they can change at any time.</source>
        <translation>签字时，上方的常见问题成为手册草稿条目并关联到此处。关联不属于已签字的交接资料，可随时更改。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>The customer&apos;s contacts marked as emergency contacts. Change them on the Customers page.</source>
        <translation>即客户联系人中标记为紧急联系人的人员，请在“客户”页面修改。</translation>
    </message>
    <message>
        <source>Work of after-sales</source>
        <translation>售后负责的工作</translation>
    </message>
    <message>
        <source>Work of the technical support departments</source>
        <translation>技术支持部门负责的工作</translation>
    </message>
    <message>
        <source>Frequently asked questions</source>
        <translation>常见问题</translation>
    </message>
    <message>
        <source>Service manual entries</source>
        <translation>售后服务手册条目</translation>
    </message>
    <message>
        <source>Emergency contacts</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>Select a question first.</source>
        <translation>请先选择一个问题。</translation>
    </message>
    <message>
        <source>Add a question and its answer.</source>
        <translation>添加一个问题及其解答。</translation>
    </message>
    <message>
        <source>Change the selected question.</source>
        <translation>修改所选问题。</translation>
    </message>
    <message>
        <source>Delete the selected question.</source>
        <translation>删除所选问题。</translation>
    </message>
    <message>
        <source>Select an entry first.</source>
        <translation>请先选择一个条目。</translation>
    </message>
    <message>
        <source>Link an entry of the service manual to this handover.</source>
        <translation>将售后服务手册中的条目关联到此交接。</translation>
    </message>
    <message>
        <source>Unlink the selected entry; the entry stays in the manual.</source>
        <translation>取消关联所选条目；条目仍保留在手册中。</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator link service manual entries.</source>
        <translation>只有工程师、组长和管理员可以关联售后服务手册条目。</translation>
    </message>
    <message>
        <source>Delete the question “{question}” and its answer?</source>
        <translation>要删除问题“{question}”及其解答吗？</translation>
    </message>
    <message>
        <source>Delete question</source>
        <translation>删除问题</translation>
    </message>
    <message>
        <source>Unlink the service manual entry “{question}” from this handover? The entry itself stays in the manual.</source>
        <translation>取消此交接与售后服务手册条目“{question}”的关联？条目本身仍保留在手册中。</translation>
    </message>
    <message>
        <source>Unlink entry</source>
        <translation>取消关联条目</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>Add an issue</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <source>Edit the issue</source>
        <translation>编辑问题</translation>
    </message>
    <message>
        <source>A person or a department</source>
        <translation>个人或部门</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Completion date</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <source>New backup job</source>
        <translation>新增备份任务</translation>
    </message>
    <message>
        <source>Edit the backup job</source>
        <translation>编辑备份任务</translation>
    </message>
    <message>
        <source>e.g. nightly database dump</source>
        <translation>例如：每晚数据库转储</translation>
    </message>
    <message>
        <source>e.g. *.sql.gz</source>
        <translation>例如：*.sql.gz</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>(choose a credential)</source>
        <translation>（请选择凭据）</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Directory or repository</source>
        <translation>目录或备份仓库</translation>
    </message>
    <message>
        <source>Backup files</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <source>Backup every</source>
        <translation>备份间隔</translation>
    </message>
    <message>
        <source>Repository password</source>
        <translation>仓库密码</translation>
    </message>
    <message>
        <source>The vault has no credentials yet: add the repository&apos;s password there.</source>
        <translation>密码库中还没有凭据：请先在那里添加仓库密码。</translation>
    </message>
    <message>
        <source>A check lists the backups on the host over SSH (the host&apos;s vault credential), and needs {days} days of them without gaps (R3.3).</source>
        <translation>检查时通过 SSH（使用主机的密码库凭据）在主机上列出备份，要求连续 {days} 天无间断（R3.3）。</translation>
    </message>
    <message>
        <source>(this system has no hosts: add one on the Hosts page)</source>
        <translation>（该系统没有主机：请在“主机”页面添加）</translation>
    </message>
    <message>
        <source>e.g. /data/backup/files</source>
        <translation>例如：/data/backup/files</translation>
    </message>
    <message>
        <source>e.g. /var/backups/postgresql</source>
        <translation>例如：/var/backups/postgresql</translation>
    </message>
    <message>
        <source>e.g. /var/backups/mysql</source>
        <translation>例如：/var/backups/mysql</translation>
    </message>
    <message>
        <source>e.g. /srv/restic/erp</source>
        <translation>例如：/srv/restic/erp</translation>
    </message>
    <message>
        <source>e.g. /srv/borg/erp</source>
        <translation>例如：/srv/borg/erp</translation>
    </message>
    <message>
        <source>A backup later than {late} h after the one before counts as missed.</source>
        <translation>与上一次备份相隔超过 {late} 小时即视为漏备。</translation>
    </message>
</context>
<context>
    <name>JoinedDialog</name>
    <message>
        <source>The group joined the project</source>
        <translation>售后组已介入项目</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Planned join date</source>
        <translation>计划介入日期</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>介入日期</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <source>Reward ledger</source>
        <translation>奖励台账</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>奖励次数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Save as XLSX…</source>
        <translation>保存为 XLSX…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Rewards: {count}, {total} in all</source>
        <translation>共 {count} 项奖励，合计 {total}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Save the ledger</source>
        <translation>保存奖励台账</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SupportDesk</source>
        <translation>SupportDesk</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>项目移交</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>巡检</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Service manual</source>
        <translation>售后服务手册</translation>
    </message>
    <message>
        <source>Optimisation report</source>
        <translation>优化报告</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>密码库</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Team settings…</source>
        <translation>团队设置(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About SupportDesk…</source>
        <translation>关于 SupportDesk(&amp;A)…</translation>
    </message>
    <message>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;This computer…</source>
        <translation>本机设置(&amp;T)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>当前用户：{name}（{role}）</translation>
    </message>
    <message>
        <source>Signed in: unknown user (read only)</source>
        <translation>当前用户：未知用户（只读）</translation>
    </message>
    <message>
        <source>Only the group leader changes how reminders are delivered.</source>
        <translation>只有组长可以更改提醒的发送方式。</translation>
    </message>
    <message>
        <source>Reminders ({count})</source>
        <translation>提醒（{count}）</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Projects and systems</source>
        <translation>项目与系统</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Maintenance contracts</source>
        <translation>维保合同</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
</context>
<context>
    <name>MaintenancePeriod</name>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>No period yet.</source>
        <translation>尚未约定维保期。</translation>
    </message>
</context>
<context>
    <name>ManualExportDialog</name>
    <message>
        <source>Export the service manual</source>
        <translation>导出售后服务手册</translation>
    </message>
    <message>
        <source>Word document (DOCX)</source>
        <translation>Word 文档（DOCX）</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>MaterialDialog</name>
    <message>
        <source>Add a file to the package</source>
        <translation>向移交文档添加文件</translation>
    </message>
    <message>
        <source>Add a location to the package</source>
        <translation>向移交文档添加位置</translation>
    </message>
    <message>
        <source>e.g. https://git.example.com/team/app.git at commit 3f9c2e1</source>
        <translation>例如 https://git.example.com/team/app.git 提交 3f9c2e1</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>MaterialsTab</name>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size or location</source>
        <translation>大小或位置</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add location…</source>
        <translation>添加位置…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <source>Required, still empty: {categories}</source>
        <translation>必需但尚无资料的类别：{categories}</translation>
    </message>
    <message>
        <source>✔ Every required category has a material.</source>
        <translation>✔ 每个必需类别都已有资料。</translation>
    </message>
    <message>
        <source>Add a document or file of the project; it is kept by its SHA-256.</source>
        <translation>添加项目的文档或文件，按 SHA-256 存档。</translation>
    </message>
    <message>
        <source>Record where something lives that is not a file to hand over, such as a repository URL and commit.</source>
        <translation>登记无法作为文件移交的资料所在的位置，例如代码仓库地址和提交号。</translation>
    </message>
    <message>
        <source>Select a material first.</source>
        <translation>请先选择一项资料。</translation>
    </message>
    <message>
        <source>Remove the selected material from the package.</source>
        <translation>从移交文档中移除所选资料。</translation>
    </message>
    <message>
        <source>This material is a location: there is no file to save.</source>
        <translation>该资料是一个位置，没有可保存的文件。</translation>
    </message>
    <message>
        <source>Save the stored file somewhere.</source>
        <translation>将存档的文件另存到指定位置。</translation>
    </message>
    <message>
        <source>Add a file to the package</source>
        <translation>向移交文档添加文件</translation>
    </message>
    <message>
        <source>Added {name}.</source>
        <translation>已添加 {name}。</translation>
    </message>
    <message>
        <source>Remove {name} ({category}) from the handover package?</source>
        <translation>要从移交文档中移除 {name}（{category}）吗？</translation>
    </message>
    <message>
        <source>Remove material</source>
        <translation>移除资料</translation>
    </message>
    <message>
        <source>Save a copy of {name}</source>
        <translation>另存 {name} 的副本</translation>
    </message>
    <message>
        <source>Saving a copy of {name}…</source>
        <translation>正在另存 {name} 的副本…</translation>
    </message>
    <message>
        <source>Saved a copy: {path}</source>
        <translation>副本已保存：{path}</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <source>Tell the customer</source>
        <translation>告知客户</translation>
    </message>
    <message>
        <source>By phone or in person</source>
        <translation>电话或当面告知</translation>
    </message>
    <message>
        <source>By mail from SupportDesk</source>
        <translation>由 SupportDesk 发送邮件</translation>
    </message>
    <message>
        <source>What the customer is told:</source>
        <translation>告知客户的内容：</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>时间安排</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>变更范围</translation>
    </message>
    <message>
        <source>Possible impact</source>
        <translation>可能的影响</translation>
    </message>
    <message>
        <source>e.g. Wang, head of the information centre</source>
        <translation>例如：信息中心主任 王工</translation>
    </message>
    <message>
        <source>e.g. agreed to Saturday night</source>
        <translation>例如：同意周六晚执行</translation>
    </message>
    <message>
        <source>Who was told</source>
        <translation>告知对象</translation>
    </message>
    <message>
        <source>When</source>
        <translation>告知时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>one e-mail address per line</source>
        <translation>每行一个邮箱地址</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>The mail is queued and sent by the next delivery. The notice counts once the mail server has accepted every copy.</source>
        <translation>邮件进入发送队列，由下一次投递发出。邮件服务器接收全部邮件后才算已告知。</translation>
    </message>
</context>
<context>
    <name>OptimisationPage</name>
    <message>
        <source>bug</source>
        <translation>缺陷</translation>
    </message>
    <message>
        <source>performance</source>
        <translation>性能</translation>
    </message>
    <message>
        <source>security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>operations</source>
        <translation>运维</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>(whole project)</source>
        <translation>（整个项目）</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Bug or problem</source>
        <translation>缺陷或问题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Responsible department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Suggested completion date</source>
        <translation>建议完成日期</translation>
    </message>
    <message>
        <source>Measure for next month</source>
        <translation>下月措施</translation>
    </message>
    <message>
        <source>New item of {month}</source>
        <translation>{month} 新条目</translation>
    </message>
    <message>
        <source>Item {id}</source>
        <translation>条目 {id}</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>reviewed by the sales director</source>
        <translation>销售总监已审核</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>inspection finding</source>
        <translation>巡检发现</translation>
    </message>
    <message>
        <source>backup check</source>
        <translation>备份检查</translation>
    </message>
    <message>
        <source>change without notice</source>
        <translation>未通知的变更</translation>
    </message>
    <message>
        <source>handover issue</source>
        <translation>交接遗留问题</translation>
    </message>
    <message>
        <source>the group&apos;s own</source>
        <translation>小组自填</translation>
    </message>
    <message>
        <source>carried over</source>
        <translation>上月结转</translation>
    </message>
    <message>
        <source>closed {date}</source>
        <translation>{date} 已关闭</translation>
    </message>
    <message>
        <source>overdue, since {month}</source>
        <translation>逾期，自 {month} 起</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>another desktop or the agent is sending them right now</source>
        <translation>另一台电脑或后台代理正在发送</translation>
    </message>
    <message>
        <source>no ZenTao execution is set for its project (team settings)</source>
        <translation>团队设置中未给该项目配置禅道执行</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>奖励</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Customer / project</source>
        <translation>客户 / 项目</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>建议完成日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>ZenTao task</source>
        <translation>禅道任务</translation>
    </message>
    <message>
        <source>Draft from this month</source>
        <translation>按本月生成草稿</translation>
    </message>
    <message>
        <source>Collect the month&apos;s warning and critical findings, failed backup checks, changes without notice, open handover issues and unfinished items</source>
        <translation>汇总本月的警告和严重巡检发现、失败的备份检查、未通知客户的变更、未关闭的交接遗留问题以及未完成的条目</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>添加条目…</translation>
    </message>
    <message>
        <source>Edit item…</source>
        <translation>编辑条目…</translation>
    </message>
    <message>
        <source>Close item</source>
        <translation>关闭条目</translation>
    </message>
    <message>
        <source>Open in ZenTao</source>
        <translation>在禅道中打开</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Word (DOCX)…</source>
        <translation>Word 文档 (DOCX)…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF 文件…</translation>
    </message>
    <message>
        <source>Excel (XLSX)…</source>
        <translation>Excel 表格 (XLSX)…</translation>
    </message>
    <message>
        <source>Send to ZenTao</source>
        <translation>发送到禅道</translation>
    </message>
    <message>
        <source>Save import sheet…</source>
        <translation>保存导入表…</translation>
    </message>
    <message>
        <source>The waiting measures in ZenTao&apos;s task-import layout</source>
        <translation>按禅道任务导入格式保存待发送的措施</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Closed in time</source>
        <translation>按期关闭</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>{month}: no report yet</source>
        <translation>{month}：尚无报告</translation>
    </message>
    <message>
        <source>The group leader drafts the report from what the month left behind, then adds the group&apos;s own items.</source>
        <translation>由售后服务组长根据本月遗留的问题生成报告草稿，再补充小组自己的条目。</translation>
    </message>
    <message>
        <source>The report has no items yet.</source>
        <translation>报告还没有条目。</translation>
    </message>
    <message>
        <source>{month}: {state}</source>
        <translation>{month}：{state}</translation>
    </message>
    <message>
        <source>waiting for the {role}</source>
        <translation>等待{role}处理</translation>
    </message>
    <message>
        <source>Returned by {who} on {when}: {comment}</source>
        <translation>{who} 于 {when} 退回：{comment}</translation>
    </message>
    <message>
        <source>waits</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Draft the report first.</source>
        <translation>请先生成报告草稿。</translation>
    </message>
    <message>
        <source>Select an item.</source>
        <translation>请选择一个条目。</translation>
    </message>
    <message>
        <source>The item&apos;s measure is not in ZenTao.</source>
        <translation>该条目的措施不在禅道中。</translation>
    </message>
    <message>
        <source>No measure waits for ZenTao.</source>
        <translation>没有等待发送到禅道的措施。</translation>
    </message>
    <message>
        <source>The group leader sends the measures to ZenTao.</source>
        <translation>由售后服务组长把措施发送到禅道。</translation>
    </message>
    <message>
        <source>Only the group leader writes the report.</source>
        <translation>只有售后服务组长编写报告。</translation>
    </message>
    <message>
        <source>The report is approved and frozen.</source>
        <translation>报告已批准并冻结。</translation>
    </message>
    <message>
        <source>The report is under review: only a draft is changed.</source>
        <translation>报告正在审批中：只能修改草稿。</translation>
    </message>
    <message>
        <source>The report was submitted.</source>
        <translation>报告已提交。</translation>
    </message>
    <message>
        <source>The report has no items to submit.</source>
        <translation>报告没有可提交的条目。</translation>
    </message>
    <message>
        <source>The group leader submits the report first.</source>
        <translation>需先由售后服务组长提交报告。</translation>
    </message>
    <message>
        <source>The report waits for the {role}.</source>
        <translation>报告正等待{role}处理。</translation>
    </message>
    <message>
        <source>Draft the report</source>
        <translation>生成报告草稿</translation>
    </message>
    <message>
        <source>Add what is new</source>
        <translation>补充新内容</translation>
    </message>
    <message>
        <source>Reopen item</source>
        <translation>重新打开条目</translation>
    </message>
    <message>
        <source>{count} measures of the approved report are not in ZenTao yet.</source>
        <translation>已批准报告中有 {count} 项措施尚未进入禅道。</translation>
    </message>
    <message>
        <source>Drafted.</source>
        <translation>草稿已生成。</translation>
    </message>
    <message>
        <source>Item closed.</source>
        <translation>条目已关闭。</translation>
    </message>
    <message>
        <source>Item reopened.</source>
        <translation>条目已重新打开。</translation>
    </message>
    <message>
        <source>Submitted to the sales director.</source>
        <translation>已提交给销售总监。</translation>
    </message>
    <message>
        <source>Approved: the report goes on to the management committee.</source>
        <translation>已批准：报告转交管理委员会。</translation>
    </message>
    <message>
        <source>Approved: the report is frozen.</source>
        <translation>已批准：报告已冻结。</translation>
    </message>
    <message>
        <source>Filed: {files}</source>
        <translation>已归档：{files}</translation>
    </message>
    <message>
        <source>Return the report of {month}</source>
        <translation>退回 {month} 的报告</translation>
    </message>
    <message>
        <source>The report goes back to the group leader as a draft, with your comment.</source>
        <translation>报告将连同您的意见退回给售后服务组长，恢复为草稿。</translation>
    </message>
    <message>
        <source>Returned to the group.</source>
        <translation>已退回给售后服务组。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Sending the measures to ZenTao…</source>
        <translation>正在把措施发送到禅道…</translation>
    </message>
    <message>
        <source>ZenTao refused the login last time. Check the account and its password credential in the team settings first: ZenTao locks an account after a few failed logins. Send now?</source>
        <translation>禅道上次拒绝了登录。请先在团队设置中检查账号及其密码凭据：禅道在几次登录失败后会锁定账号。现在发送吗？</translation>
    </message>
    <message>
        <source>The measures wait: ZenTao is not set in the team settings, or its password is in the vault, which is locked here. Open the vault and send them, or save the import sheet.</source>
        <translation>措施仍在等待：团队设置中未配置禅道，或禅道密码保存在本机未打开的密码库中。请打开密码库后再发送，或保存导入表。</translation>
    </message>
    <message>
        <source>{pushed} measures are ZenTao tasks now; {queued} wait.</source>
        <translation>{pushed} 项措施已成为禅道任务；{queued} 项仍在等待。</translation>
    </message>
    <message>
        <source>ZenTao import sheet</source>
        <translation>禅道导入表</translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <source>no backup job</source>
        <translation>无备份任务</translation>
    </message>
    <message>
        <source>✘ {failing} of {jobs} failing</source>
        <translation>✘ {jobs} 个中 {failing} 个未通过</translation>
    </message>
    <message>
        <source>⚠ {count} not checked for a week</source>
        <translation>⚠ {count} 个超过一周未检查</translation>
    </message>
    <message>
        <source>✔ {jobs} recoverable</source>
        <translation>✔ {jobs} 个可恢复</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Planned acceptance</source>
        <translation>计划终验</translation>
    </message>
    <message>
        <source>Final acceptance</source>
        <translation>实际终验</translation>
    </message>
    <message>
        <source>Systems of the selected project</source>
        <translation>所选项目的系统</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Under maintenance</source>
        <translation>在保</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Delete project {name} of {customer} with all its systems, hosts and contracts?</source>
        <translation>删除 {customer} 的项目 {name} 及其全部系统、主机和合同？</translation>
    </message>
    <message>
        <source>Delete project</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <source>Delete system {name} with its hosts and contracts?</source>
        <translation>删除系统 {name} 及其主机和合同？</translation>
    </message>
    <message>
        <source>Delete system</source>
        <translation>删除系统</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Why do you need the secret of {name}? (required)</source>
        <translation>为什么需要 {name} 的密码？（必填）</translation>
    </message>
    <message>
        <source>Why do you need the secret of {name}? (optional)</source>
        <translation>为什么需要 {name} 的密码？（可选）</translation>
    </message>
    <message>
        <source>e.g. monthly inspection, ticket number</source>
        <translation>例如：月度巡检、工单号</translation>
    </message>
    <message>
        <source>Who, which secret, when and why are recorded in the audit log.</source>
        <translation>谁、哪个密码、何时、为何查看，都会记入审计日志。</translation>
    </message>
</context>
<context>
    <name>RegistryDialog</name>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>production</source>
        <translation>生产</translation>
    </message>
    <message>
        <source>staging</source>
        <translation>预发布</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>development</source>
        <translation>开发</translation>
    </message>
    <message>
        <source>free</source>
        <translation>免费</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>付费</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Responsible engineer</source>
        <translation>负责工程师</translation>
    </message>
    <message>
        <source>First contacted on</source>
        <translation>首次联系日期</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>Role / department</source>
        <translation>职务 / 部门</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新增联系人</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Planned final acceptance</source>
        <translation>计划终验日期</translation>
    </message>
    <message>
        <source>Actual final acceptance</source>
        <translation>实际终验日期</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新增项目</translation>
    </message>
    <message>
        <source>Edit project</source>
        <translation>编辑项目</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Under maintenance</source>
        <translation>在保</translation>
    </message>
    <message>
        <source>New system</source>
        <translation>新增系统</translation>
    </message>
    <message>
        <source>Edit system</source>
        <translation>编辑系统</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>SSH port</source>
        <translation>SSH 端口</translation>
    </message>
    <message>
        <source>Login user</source>
        <translation>登录用户</translation>
    </message>
    <message>
        <source>Jump host</source>
        <translation>跳板机</translation>
    </message>
    <message>
        <source>Vault credential</source>
        <translation>密码库凭据</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>New host</source>
        <translation>新增主机</translation>
    </message>
    <message>
        <source>Edit host</source>
        <translation>编辑主机</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维保类型</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Notice period (months)</source>
        <translation>提前通知期（月）</translation>
    </message>
    <message>
        <source>New maintenance contract</source>
        <translation>新增维保合同</translation>
    </message>
    <message>
        <source>Edit maintenance contract</source>
        <translation>编辑维保合同</translation>
    </message>
</context>
<context>
    <name>ReminderLetter</name>
    <message>
        <source>Maintenance expiry notice</source>
        <translation>维保到期提醒函</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>致</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>抄送</translation>
    </message>
    <message>
        <source>The free maintenance period of {system} ({project}, {customer}) ends on {end}, {days} days from today.</source>
        <translation>{system}（{project}，{customer}）的免费维保期将于 {end} 结束，距今 {days} 天。</translation>
    </message>
    <message>
        <source>Contract period</source>
        <translation>合同期</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>not yet assigned — please assign a salesperson to follow up</source>
        <translation>尚未指定——请指定销售人员跟进</translation>
    </message>
    <message>
        <source>Service delivered this period</source>
        <translation>本期服务情况</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>巡检</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Open issues</source>
        <translation>未解决问题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>无记录。</translation>
    </message>
    <message>
        <source>Please acknowledge this notice in SupportDesk and assign a salesperson to follow up the renewal with the customer.</source>
        <translation>请在 SupportDesk 中确认本提醒，并指定销售人员与客户跟进续约。</translation>
    </message>
    <message>
        <source>Please acknowledge this notice in SupportDesk and confirm the salesperson who follows up the renewal with the customer.</source>
        <translation>请在 SupportDesk 中确认本提醒，并确认与客户跟进续约的销售人员。</translation>
    </message>
    <message>
        <source>expiry-reminder</source>
        <translation>到期提醒</translation>
    </message>
</context>
<context>
    <name>ReminderMessage</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Maintenance ends in {days} days: {customer} {system}</source>
        <translation>维保到期提醒：{customer} {system}（剩余 {days} 天）</translation>
    </message>
    <message>
        <source>Salesperson: {name}</source>
        <translation>销售人员：{name}</translation>
    </message>
    <message>
        <source>No salesperson is assigned yet: please assign one to follow up.</source>
        <translation>尚未指定销售人员：请指定专人跟进。</translation>
    </message>
    <message>
        <source>The free maintenance period of {system} ({project}, {customer}) ends on {end}, {days} days from today.</source>
        <translation>{system}（{project}，{customer}）的免费维保期将于 {end} 结束，距今 {days} 天。</translation>
    </message>
    <message>
        <source>Contract period: {start} to {end}</source>
        <translation>合同期：{start} 至 {end}</translation>
    </message>
    <message>
        <source>Please acknowledge reminder {ref} in SupportDesk and assign a salesperson (or: supportdesk reminders ack {id} --assign LOGIN).</source>
        <translation>请在 SupportDesk 中确认提醒 {ref} 并指定销售人员（或执行：supportdesk reminders ack {id} --assign 登录名）。</translation>
    </message>
    <message>
        <source>Inspection report missing for {period}: {customer} {system}</source>
        <translation>巡检报告缺失（{period}）：{customer} {system}</translation>
    </message>
    <message>
        <source>No inspection report was finalised for {system} ({customer}) in {period} (R2.3). Please inspect the system and finalise its report.</source>
        <translation>{system}（{customer}）{period} 的巡检报告尚未定稿（R2.3）。请尽快巡检并定稿。</translation>
    </message>
    <message>
        <source>Credential to change with the customer: {name}</source>
        <translation>需与客户更换的凭据：{name}</translation>
    </message>
    <message>
        <source>The credential {name} is marked rotation due (a handover finished or a member left). Change it with the customer and save the new secret in the vault.</source>
        <translation>凭据 {name} 已标记为“需轮换”（交接已完成或有成员离开）。请与客户更换，并将新密码保存到保险库。</translation>
    </message>
    <message>
        <source>Handover: join {customer} {project} from {join}</source>
        <translation>项目移交：自 {join} 起介入 {customer} {project}</translation>
    </message>
    <message>
        <source>Final acceptance of {project} ({customer}) is on {acceptance}: the after-sales group joins from {join} and completes the handover by {due} (R1.1).</source>
        <translation>{project}（{customer}）将于 {acceptance} 终验：售后组自 {join} 起介入，须在 {due} 前完成移交（R1.1）。</translation>
    </message>
    <message>
        <source>Handover due {due}: {customer} {project}</source>
        <translation>移交截止 {due}：{customer} {project}</translation>
    </message>
    <message>
        <source>The handover of {project} ({customer}) must be signed by {due}, two weeks after acceptance on {acceptance} (R1.1).</source>
        <translation>{project}（{customer}）的移交须在 {due} 前签字，即 {acceptance} 终验后两周内（R1.1）。</translation>
    </message>
    <message>
        <source>Backup check failed: {customer} {system} {job}</source>
        <translation>备份检查未通过：{customer} {system} {job}</translation>
    </message>
    <message>
        <source>The backups of {system} ({customer}), job {job}, failed their check on {since}: {findings}. Data changed or lost within two months must stay restorable (R3.3): see the Backups page.</source>
        <translation>{customer} {system} 的备份任务 {job} 于 {since} 检查未通过：{findings}。两个月内变动或丢失的数据必须可以恢复（R3.3），请查看“备份”页面。</translation>
    </message>
    <message>
        <source>Backups not checked for a week: {customer} {system} {job}</source>
        <translation>备份已一周未检查：{customer} {system} {job}</translation>
    </message>
    <message>
        <source>Nobody has checked the backups of {system} ({customer}), job {job}, since {since}. Run a backup check (R3.3).</source>
        <translation>{customer} {system} 的备份任务 {job} 自 {since} 起无人检查。请执行备份检查（R3.3）。</translation>
    </message>
    <message>
        <source>Optimisation report {month} waits for you</source>
        <translation>{month} 优化报告等待您审批</translation>
    </message>
    <message>
        <source>The optimisation report of {month} waits for your step: approve it, or return it with a comment (`supportdesk optimisation show --month {month}`, R2.4).</source>
        <translation>{month} 的优化报告等待您处理：请批准，或附意见退回（`supportdesk optimisation show --month {month}`，R2.4）。</translation>
    </message>
    <message>
        <source>Reward application {reward} waits for you</source>
        <translation>奖励申请 {reward} 等待您审批</translation>
    </message>
    <message>
        <source>The reward for {person} ({amount} yuan, optimisation report {month}) waits for your step: approve it, or return it with a comment (`supportdesk reward list --month {month}`, R5.4).</source>
        <translation>{person} 的奖励（{amount} 元，{month} 优化报告）等待您处理：请批准，或附意见退回（`supportdesk reward list --month {month}`，R5.4）。</translation>
    </message>
    <message>
        <source>Optimisation report {month} not submitted</source>
        <translation>{month} 优化报告未提交</translation>
    </message>
    <message>
        <source>{month} has ended and its optimisation summary with next month&apos;s measures was not submitted (R2.4): `supportdesk optimisation draft --month {month}`.</source>
        <translation>{month} 已结束，但本月优化总结及下月措施尚未提交（R2.4）：`supportdesk optimisation draft --month {month}`。</translation>
    </message>
    <message>
        <source>Service manual {month} not uploaded</source>
        <translation>售后服务手册 {month} 未上传</translation>
    </message>
    <message>
        <source>The month-end upload of the service manual for {month} to {target} failed ({error}). It is tried again every day; check the document system&apos;s settings and the Service manual page (R2.2).</source>
        <translation>{month} 售后服务手册的月末上传（至 {target}）失败（{error}）。系统每天会重试；请检查文档管理系统的设置和“售后服务手册”页面（R2.2）。</translation>
    </message>
    <message>
        <source>[Not acknowledged, reminder {step}] {subject}</source>
        <translation>【未确认，第 {step} 次催办】{subject}</translation>
    </message>
    <message>
        <source>server unreachable</source>
        <translation>无法连接服务器</translation>
    </message>
    <message>
        <source>login refused</source>
        <translation>登录被拒绝</translation>
    </message>
    <message>
        <source>file refused</source>
        <translation>文件被拒收</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>服务器未及时响应</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>服务器出错</translation>
    </message>
    <message>
        <source>not tried yet: no agent running, or the vault locked</source>
        <translation>尚未尝试上传：没有运行后台服务，或密码库未打开</translation>
    </message>
</context>
<context>
    <name>RemindersPage</name>
    <message>
        <source>not acknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>following up</source>
        <translation>跟进中</translation>
    </message>
    <message>
        <source>renewed</source>
        <translation>已续约</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>未续约</translation>
    </message>
    <message>
        <source>Maintenance period ends</source>
        <translation>维保期到期</translation>
    </message>
    <message>
        <source>Inspection report overdue</source>
        <translation>巡检报告逾期</translation>
    </message>
    <message>
        <source>Credential to change</source>
        <translation>需更换的凭据</translation>
    </message>
    <message>
        <source>Handover: the group joins</source>
        <translation>项目移交：售后介入</translation>
    </message>
    <message>
        <source>Handover due soon</source>
        <translation>项目移交即将到期</translation>
    </message>
    <message>
        <source>Backup problem</source>
        <translation>备份问题</translation>
    </message>
    <message>
        <source>Service manual not uploaded</source>
        <translation>售后服务手册未上传</translation>
    </message>
    <message>
        <source>Optimisation report to review</source>
        <translation>优化报告待审核</translation>
    </message>
    <message>
        <source>Optimisation report to approve</source>
        <translation>优化报告待审批</translation>
    </message>
    <message>
        <source>Optimisation report not submitted</source>
        <translation>优化报告未提交</translation>
    </message>
    <message>
        <source>Reward to review</source>
        <translation>奖励待审核</translation>
    </message>
    <message>
        <source>Reward to approve</source>
        <translation>奖励待审批</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>DingTalk robot</source>
        <translation>钉钉机器人</translation>
    </message>
    <message>
        <source>WeCom robot</source>
        <translation>企业微信机器人</translation>
    </message>
    <message>
        <source>Feishu robot</source>
        <translation>飞书机器人</translation>
    </message>
    <message>
        <source>Maintenance ended on {end}</source>
        <translation>维保已于 {end} 结束</translation>
    </message>
    <message>
        <source>Maintenance ends on {end}, {days} days from today</source>
        <translation>维保于 {end} 结束，距今 {days} 天</translation>
    </message>
    <message>
        <source>No inspection report finalised for {month}</source>
        <translation>{month} 无定稿的巡检报告</translation>
    </message>
    <message>
        <source>Change it with the customer, then save the new secret</source>
        <translation>请与客户更换后，保存新密码</translation>
    </message>
    <message>
        <source>The group joins from {join}; acceptance on {acceptance}</source>
        <translation>售后组自 {join} 介入；终验日期 {acceptance}</translation>
    </message>
    <message>
        <source>To be signed by {due}</source>
        <translation>须于 {due} 前签字</translation>
    </message>
    <message>
        <source>Backup check failed since {since}: {findings}</source>
        <translation>自 {since} 起备份检查未通过：{findings}</translation>
    </message>
    <message>
        <source>Backups not checked since {since}</source>
        <translation>自 {since} 起备份未检查</translation>
    </message>
    <message>
        <source>The {month} report waits for your step ({by} passed it on)</source>
        <translation>{month} 的报告等待您处理（由 {by} 转来）</translation>
    </message>
    <message>
        <source>The reward for {person} ({amount} yuan) waits for your step</source>
        <translation>{person} 的奖励（{amount} 元）等待您处理</translation>
    </message>
    <message>
        <source>{month} ended without a submitted optimisation report</source>
        <translation>{month} 已结束，优化报告仍未提交</translation>
    </message>
    <message>
        <source>The {month} manual was not uploaded: {why}</source>
        <translation>{month} 的手册未能上传：{why}</translation>
    </message>
    <message>
        <source>Acknowledge and assign</source>
        <translation>确认并指派</translation>
    </message>
    <message>
        <source>Record the follow-up</source>
        <translation>登记跟进结果</translation>
    </message>
    <message>
        <source>Customer copies</source>
        <translation>客户抄送</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>仅未结</translation>
    </message>
    <message>
        <source>Acknowledge and assign…</source>
        <translation>确认并指派…</translation>
    </message>
    <message>
        <source>Record follow-up…</source>
        <translation>登记跟进…</translation>
    </message>
    <message>
        <source>Customer copies…</source>
        <translation>客户抄送…</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Ref.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>提醒日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售人员</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Sent again</source>
        <translation>重发</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Contract period</source>
        <translation>合同期</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Contract salesperson</source>
        <translation>合同销售</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Follow-up by</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>下次尝试</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Try the selected messages again at the next delivery (all of them if none is selected), after fixing the settings.</source>
        <translation>修正设置后，在下次发送时重试所选消息（未选择则全部重试）。</translation>
    </message>
    <message>
        <source>Delivery keeps failing on these messages. Check Settings → Reminders and delivery, then retry them.</source>
        <translation>这些消息一直发送失败。请检查“设置 → 提醒与发送”，然后重试。</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <source>Delivery problems</source>
        <translation>发送问题</translation>
    </message>
    <message>
        <source>Select a message to read it.</source>
        <translation>选择一条消息以阅读。</translation>
    </message>
    <message>
        <source>No messages: reminders go to the sales director and the group leader.</source>
        <translation>暂无消息：提醒只发给销售总监和组长。</translation>
    </message>
    <message>
        <source>Inbox ({count} unread)</source>
        <translation>收件箱（{count} 条未读）</translation>
    </message>
    <message>
        <source>Delivery problems ({count})</source>
        <translation>发送问题（{count}）</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>{name}, {at}</source>
        <translation>{name}，{at}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未确认</translation>
    </message>
    <message>
        <source>{count} times</source>
        <translation>{count} 次</translation>
    </message>
    <message>
        <source>Select a reminder to see its details.</source>
        <translation>选择一条提醒以查看详情。</translation>
    </message>
    <message>
        <source>Only the sales director acknowledges reminders and assigns them.</source>
        <translation>只有销售总监可以确认提醒并指派销售人员。</translation>
    </message>
    <message>
        <source>Select a reminder first.</source>
        <translation>请先选择一条提醒。</translation>
    </message>
    <message>
        <source>Only maintenance expiry reminders are acknowledged and assigned.</source>
        <translation>只有维保到期提醒需要确认和指派。</translation>
    </message>
    <message>
        <source>Only the sales director or the assigned salesperson records the follow-up.</source>
        <translation>只有销售总监或被指派的销售人员可以登记跟进结果。</translation>
    </message>
    <message>
        <source>Only maintenance expiry reminders are followed up.</source>
        <translation>只有维保到期提醒需要跟进。</translation>
    </message>
    <message>
        <source>This reminder is not assigned to you.</source>
        <translation>这条提醒没有指派给您。</translation>
    </message>
    <message>
        <source>Only the group leader decides who is copied on a customer&apos;s mails.</source>
        <translation>只有组长可以设置客户邮件的抄送人。</translation>
    </message>
    <message>
        <source>Stop the reminder being sent again and assign a salesperson.</source>
        <translation>停止重复发送该提醒，并指派销售人员。</translation>
    </message>
    <message>
        <source>Record whether the customer renewed.</source>
        <translation>登记客户是否续约。</translation>
    </message>
    <message>
        <source>Who else receives a customer&apos;s maintenance expiry mails.</source>
        <translation>设置还有谁会收到该客户的维保到期邮件。</translation>
    </message>
    <message>
        <source>{count} messages will be tried again at the next delivery.</source>
        <translation>{count} 条消息将在下次发送时重试。</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return entry {id}</source>
        <translation>退回条目 {id}</translation>
    </message>
    <message>
        <source>What the author should change before it can be published</source>
        <translation>作者需要修改什么才能发布</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <source>Secret of {name}</source>
        <translation>{name} 的密码</translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation>密钥口令：</translation>
    </message>
    <message>
        <source>Hides in {seconds} s</source>
        <translation>{seconds} 秒后隐藏</translation>
    </message>
</context>
<context>
    <name>RevisionsDialog</name>
    <message>
        <source>Revisions of entry {id}</source>
        <translation>条目 {id} 的修订记录</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>At</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>改动字段</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Restore this revision…</source>
        <translation>恢复此修订…</translation>
    </message>
    <message>
        <source>Select two revisions to compare them, or one to see what it changed. A restore makes that revision&apos;s text the current one, as a new draft.</source>
        <translation>选择两个修订进行比较，或选择一个查看它改了什么。恢复会把该修订的内容作为新草稿设为当前内容。</translation>
    </message>
    <message>
        <source>The first revision: there is nothing before it to compare.</source>
        <translation>这是第一个修订，之前没有可比较的内容。</translation>
    </message>
    <message>
        <source>Changes from revision {old} to revision {new}:</source>
        <translation>修订 {old} 到修订 {new} 的改动：</translation>
    </message>
    <message>
        <source>Only engineers and the group leader restore revisions.</source>
        <translation>只有售后工程师和组长可以恢复修订。</translation>
    </message>
    <message>
        <source>Select one revision to restore.</source>
        <translation>请选择一个要恢复的修订。</translation>
    </message>
    <message>
        <source>This is the current revision.</source>
        <translation>这就是当前修订。</translation>
    </message>
    <message>
        <source>Make this revision&apos;s text the current one again (a new draft).</source>
        <translation>把此修订的内容重新设为当前内容（作为新草稿）。</translation>
    </message>
    <message>
        <source>Restore revision</source>
        <translation>恢复修订</translation>
    </message>
    <message>
        <source>Make the text of revision {number} the current one? It is saved as a new revision and the entry becomes a draft to review again; nothing is lost.</source>
        <translation>把修订 {number} 的内容设为当前内容？它将保存为一个新修订，条目重新变为草稿待审核；不会丢失任何内容。</translation>
    </message>
    <message>
        <source>Revision {number} was restored as revision {new}.</source>
        <translation>修订 {number} 已恢复为修订 {new}。</translation>
    </message>
</context>
<context>
    <name>RewardLedger</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>奖励次数</translation>
    </message>
    <message>
        <source>Total (yuan)</source>
        <translation>合计（元）</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Optimisation item</source>
        <translation>优化条目</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>改进内容</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>效果证据</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>批准日期</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>奖励台账</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>奖励明细</translation>
    </message>
</context>
<context>
    <name>RewardsPanel</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>优化事项</translation>
    </message>
    <message>
        <source>approved {date}</source>
        <translation>{date} 已批准</translation>
    </message>
    <message>
        <source>waits for the {role}</source>
        <translation>等待{role}处理</translation>
    </message>
    <message>
        <source>returned; {waits}</source>
        <translation>已退回；{waits}</translation>
    </message>
    <message>
        <source>draft; {waits}</source>
        <translation>草稿；{waits}</translation>
    </message>
    <message>
        <source>Who earns it</source>
        <translation>获奖人</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>优化内容</translation>
    </message>
    <message>
        <source>Evidence of the effect</source>
        <translation>效果证明</translation>
    </message>
    <message>
        <source>Proposed amount (yuan)</source>
        <translation>建议金额（元）</translation>
    </message>
    <message>
        <source>Apply for a reward ({month})</source>
        <translation>申请奖励（{month}）</translation>
    </message>
    <message>
        <source>Reward {id}</source>
        <translation>奖励申请 {id}</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>申请…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Ledger…</source>
        <translation>台账…</translation>
    </message>
    <message>
        <source>Evidence: {text}</source>
        <translation>效果证明：{text}</translation>
    </message>
    <message>
        <source>Returned by {who} on {when}: {comment}</source>
        <translation>{who} 于 {when} 退回：{comment}</translation>
    </message>
    <message>
        <source>Only the group leader applies for a reward.</source>
        <translation>只有售后服务组长可以申请奖励。</translation>
    </message>
    <message>
        <source>A reward is applied for from an approved report.</source>
        <translation>奖励须依据已批准的优化报告申请。</translation>
    </message>
    <message>
        <source>Select a reward.</source>
        <translation>请选择一项奖励申请。</translation>
    </message>
    <message>
        <source>Only a draft is changed.</source>
        <translation>只能修改草稿。</translation>
    </message>
    <message>
        <source>It was submitted once: the record stays.</source>
        <translation>该申请已提交过，记录须保留。</translation>
    </message>
    <message>
        <source>It does not wait for a review.</source>
        <translation>该申请不在待审批状态。</translation>
    </message>
    <message>
        <source>It waits for the {role}.</source>
        <translation>该申请正等待{role}处理。</translation>
    </message>
    <message>
        <source>Submitted to the sales director.</source>
        <translation>已提交给销售总监。</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>已批准。</translation>
    </message>
    <message>
        <source>Return reward {id}</source>
        <translation>退回奖励申请 {id}</translation>
    </message>
    <message>
        <source>The application goes back to the group leader, with your comment.</source>
        <translation>申请将连同您的意见退回给售后服务组长。</translation>
    </message>
    <message>
        <source>Delete the application</source>
        <translation>删除奖励申请</translation>
    </message>
    <message>
        <source>Delete the reward application for {person}?</source>
        <translation>删除 {person} 的奖励申请吗？</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
</context>
<context>
    <name>SecretField</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>length </source>
        <translation>长度 </translation>
    </message>
    <message>
        <source>no look-alikes (0O1lI|)</source>
        <translation>不含易混字符（0O1lI|）</translation>
    </message>
    <message>
        <source>Key file…</source>
        <translation>密钥文件…</translation>
    </message>
    <message>
        <source>That file is not an OpenSSH private key.</source>
        <translation>该文件不是 OpenSSH 私钥。</translation>
    </message>
    <message>
        <source>private key loaded from its file</source>
        <translation>已从文件载入私钥</translation>
    </message>
    <message>
        <source>Key of {lines} lines</source>
        <translation>密钥共 {lines} 行</translation>
    </message>
    <message>
        <source>OpenSSH private key</source>
        <translation>OpenSSH 私钥</translation>
    </message>
    <message>
        <source>Choose at least one kind of character.</source>
        <translation>请至少选择一类字符。</translation>
    </message>
    <message>
        <source>Strength: {level}</source>
        <translation>强度：{level}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>empty: SQLite in the profile; or postgresql+psycopg://user@host:5432/supportdesk</source>
        <translation>留空：使用配置档中的 SQLite；或 postgresql+psycopg://user@host:5432/supportdesk</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Interface and database</source>
        <translation>界面与数据库</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation>数据库地址</translation>
    </message>
    <message>
        <source>A team database password is never stored here: use a pgpass file. Language and database changes apply after a restart.</source>
        <translation>团队数据库的密码不会保存在这里，请使用 pgpass 文件。语言和数据库的更改在重新启动后生效。</translation>
    </message>
    <message>
        <source>Document management</source>
        <translation>文档管理</translation>
    </message>
    <message>
        <source>Document folder</source>
        <translation>文档目录</translation>
    </message>
    <message>
        <source>WebDAV URL</source>
        <translation>WebDAV 地址</translation>
    </message>
    <message>
        <source>Credential vault</source>
        <translation>密码库</translation>
    </message>
    <message>
        <source>A reveal or copy must give a reason</source>
        <translation>查看或复制密码时必须填写理由</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Clear a copied secret after</source>
        <translation>复制的密码在此时间后清除</translation>
    </message>
    <message>
        <source>Lock when idle for</source>
        <translation>空闲多久后锁定</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up a backup</source>
        <translation>设置备份</translation>
    </message>
    <message>
        <source>e.g. /opt/erp</source>
        <translation>例如：/opt/erp</translation>
    </message>
    <message>
        <source>e.g. /data/backup</source>
        <translation>例如：/data/backup</translation>
    </message>
    <message>
        <source>none: the application directory only</source>
        <translation>无：只备份应用目录</translation>
    </message>
    <message>
        <source>PostgreSQL (pg_dump)</source>
        <translation>PostgreSQL 数据库（pg_dump）</translation>
    </message>
    <message>
        <source>MySQL (mysqldump)</source>
        <translation>MySQL 数据库（mysqldump）</translation>
    </message>
    <message>
        <source>e.g. erp</source>
        <translation>例如：erp</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Look again for the system&apos;s planned changes (after planning one).</source>
        <translation>重新查找该系统计划中的变更（在新建变更之后）。</translation>
    </message>
    <message>
        <source>Press “Show commands” to see exactly what will run on the host. Nothing runs before you have seen it.</source>
        <translation>点击“显示命令”查看将在主机上执行的确切命令。您看过之前不会执行任何命令。</translation>
    </message>
    <message>
        <source>Commands run on the host</source>
        <translation>在主机上执行的命令</translation>
    </message>
    <message>
        <source>The backup script they install</source>
        <translation>命令安装的备份脚本</translation>
    </message>
    <message>
        <source>Show commands</source>
        <translation>显示命令</translation>
    </message>
    <message>
        <source>Run on the host</source>
        <translation>在主机上执行</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Application directory</source>
        <translation>应用目录</translation>
    </message>
    <message>
        <source>Backup directory</source>
        <translation>备份目录</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>数据库名</translation>
    </message>
    <message>
        <source>Days kept</source>
        <translation>保留天数</translation>
    </message>
    <message>
        <source>Runs every day at (host time)</source>
        <translation>每日运行时刻（主机时间）</translation>
    </message>
    <message>
        <source>Under the change</source>
        <translation>所属变更</translation>
    </message>
    <message>
        <source>Every day the host archives the application directory and dumps the database into the backup directory with their checksums (SHA256SUMS), and removes those older than the days kept (R3.3 needs {days} days). The jobs that check them are added here.</source>
        <translation>主机每天将应用目录打包、将数据库转储到备份目录，并记录其校验和（SHA256SUMS），超过保留天数的会被删除（R3.3 要求 {days} 天）。检查这些备份的任务会添加到本页。</translation>
    </message>
    <message>
        <source>(this system has no hosts: add one on the Hosts page)</source>
        <translation>（该系统没有主机：请在“主机”页面添加）</translation>
    </message>
    <message>
        <source>This system already has backup jobs: {names}.</source>
        <translation>该系统已有备份任务：{names}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>(loading…)</source>
        <translation>（正在加载…）</translation>
    </message>
    <message>
        <source>{change} (the customer is not told yet)</source>
        <translation>{change}（尚未告知客户）</translation>
    </message>
    <message>
        <source>(no planned change)</source>
        <translation>（没有计划中的变更）</translation>
    </message>
    <message>
        <source>This system has no planned change. Setting up a backup changes the customer&apos;s host: plan it on the Changes page (and tell the customer), then press Reload.</source>
        <translation>该系统没有计划中的变更。设置备份会改动客户的主机：请在“变更记录”页面计划这项变更（并告知客户），然后点击“重新加载”。</translation>
    </message>
    <message>
        <source>The customer has not been told of this change yet: record the notice on the Changes page first (R3.2).</source>
        <translation>尚未就这项变更告知客户：请先在“变更记录”页面记录告知（R3.2）。</translation>
    </message>
    <message>
        <source>This system has no host: add one on the Hosts page.</source>
        <translation>该系统没有主机：请在“主机”页面添加。</translation>
    </message>
    <message>
        <source>Loading the system&apos;s planned changes…</source>
        <translation>正在加载该系统计划中的变更…</translation>
    </message>
    <message>
        <source>Choose a planned change of this system (plan one on the Changes page).</source>
        <translation>请选择该系统计划中的一项变更（可在“变更记录”页面新建）。</translation>
    </message>
    <message>
        <source>Press “Show commands” first: only the commands shown are run.</source>
        <translation>请先点击“显示命令”：只会执行显示过的命令。</translation>
    </message>
    <message>
        <source>Open the vault first (on the Vault page): the host&apos;s credential is there.</source>
        <translation>请先（在“密码库”页面）打开密码库：主机凭据保存在那里。</translation>
    </message>
    <message>
        <source>Run the commands shown on the host, after you confirm.</source>
        <translation>经您确认后，在主机上执行显示的命令。</translation>
    </message>
    <message>
        <source>{script}
# The crontab entry that runs it:
{cron}</source>
        <translation>{script}
# 运行它的 crontab 条目：
{cron}</translation>
    </message>
    <message>
        <source>Set up the backup</source>
        <translation>设置备份</translation>
    </message>
    <message>
        <source>Run the commands shown on {host}, under the change “{change}”?

They install {script} and a crontab entry that runs it every day at {hour}:00 (host time). The change is then recorded as executed, with the script archived, and the backup jobs that check it are added.</source>
        <translation>在变更“{change}”下，于 {host} 上执行显示的命令吗？

这些命令会安装 {script}，以及每天 {hour}:00（主机时间）运行它的 crontab 条目。随后该变更记为已执行并归档脚本，同时添加检查该备份的任务。</translation>
    </message>
    <message>
        <source>Running the commands on {host}…</source>
        <translation>正在 {host} 上执行命令…</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <source>Record the sign-off</source>
        <translation>登记签字</translation>
    </message>
    <message>
        <source>e.g. after-sales: Zhang San; project team: Li Si</source>
        <translation>例如：售后组 张三；项目组 李四</translation>
    </message>
    <message>
        <source>no file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Signs the amendment: {reason}</source>
        <translation>本次签字确认修订：{reason}</translation>
    </message>
    <message>
        <source>Amendment</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>Signed for the company</source>
        <translation>公司签字人</translation>
    </message>
    <message>
        <source>Signed for the customer</source>
        <translation>客户签字人</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签字日期</translation>
    </message>
    <message>
        <source>Scan of the signed paper</source>
        <translation>签字页扫描件</translation>
    </message>
    <message>
        <source>Once recorded, the package is frozen as it stands now: later changes need an amendment, which is signed as the next version.</source>
        <translation>登记后，移交文档按当前内容冻结；之后如需修改须发起修订，修订签字后成为下一版本。</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>扫描件 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>SignOffTab</name>
    <message>
        <source>Record sign-off…</source>
        <translation>登记签字…</translation>
    </message>
    <message>
        <source>Start amendment…</source>
        <translation>发起修订…</translation>
    </message>
    <message>
        <source>What the exports write: the package as it stands, or a signed version.</source>
        <translation>导出的内容：当前的移交文档，或某个已签字版本。</translation>
    </message>
    <message>
        <source>Export DOCX…</source>
        <translation>导出 DOCX…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Signed versions</source>
        <translation>已签字版本</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签字日期</translation>
    </message>
    <message>
        <source>For the company</source>
        <translation>公司签字人</translation>
    </message>
    <message>
        <source>For the customer</source>
        <translation>客户签字人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>修订原因</translation>
    </message>
    <message>
        <source>Package SHA-256</source>
        <translation>文档 SHA-256</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>完整性</translation>
    </message>
    <message>
        <source>Signature and export</source>
        <translation>签字与导出</translation>
    </message>
    <message>
        <source>{count} of {total} still missing before the package can be signed.</source>
        <translation>共 {total} 项，尚缺 {count} 项，补齐后才能签字。</translation>
    </message>
    <message>
        <source>✔ The package is complete.</source>
        <translation>✔ 移交文档已完整。</translation>
    </message>
    <message>
        <source>The package as it stands</source>
        <translation>当前的移交文档</translation>
    </message>
    <message>
        <source>Version {version} (signed {date})</source>
        <translation>第 {version} 版（{date} 签字）</translation>
    </message>
    <message>
        <source>Record first that the handover has started.</source>
        <translation>请先登记移交已开始。</translation>
    </message>
    <message>
        <source>Already signed: start an amendment to change the package first.</source>
        <translation>已签字：如需修改移交文档，请先发起修订。</translation>
    </message>
    <message>
        <source>The package is not complete yet. Missing: {missing}</source>
        <translation>移交文档尚不完整，缺少：{missing}</translation>
    </message>
    <message>
        <source>Only a signed package can be amended.</source>
        <translation>只有已签字的移交文档才能修订。</translation>
    </message>
    <message>
        <source>An amendment is already under way.</source>
        <translation>已有一项修订正在进行。</translation>
    </message>
    <message>
        <source>Record the signed paper: who signed, when, and its scan.</source>
        <translation>登记纸质签字：签字人、签字日期和扫描件。</translation>
    </message>
    <message>
        <source>Open the signed package for changes; signing it again makes a new version.</source>
        <translation>开放已签字的移交文档以便修改；再次签字后生成新版本。</translation>
    </message>
    <message>
        <source>An export is under way.</source>
        <translation>正在导出。</translation>
    </message>
    <message>
        <source>Save the package as a Word document.</source>
        <translation>将移交文档保存为 Word 文档。</translation>
    </message>
    <message>
        <source>Save the package as a PDF.</source>
        <translation>将移交文档保存为 PDF。</translation>
    </message>
    <message>
        <source>Version {version} signed and recorded: the package is frozen.</source>
        <translation>第 {version} 版签字已登记，移交文档已冻结。</translation>
    </message>
    <message>
        <source>Amendment started: the package can be changed.</source>
        <translation>修订已开始，可以修改移交文档。</translation>
    </message>
    <message>
        <source>Export the handover package</source>
        <translation>导出移交文档</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>正在导出到 {path}…</translation>
    </message>
    <message>
        <source>Exported: {path}</source>
        <translation>已导出：{path}</translation>
    </message>
</context>
<context>
    <name>TeamSettingsDialog</name>
    <message>
        <source>DingTalk</source>
        <translation>钉钉</translation>
    </message>
    <message>
        <source>WeCom</source>
        <translation>企业微信</translation>
    </message>
    <message>
        <source>Feishu</source>
        <translation>飞书</translation>
    </message>
    <message>
        <source>Reminders and delivery</source>
        <translation>提醒与发送</translation>
    </message>
    <message>
        <source>Passwords and signing secrets are never stored here: name the vault credential that holds each. Delivery from this computer needs the vault to be open; otherwise the messages wait for the agent or another desktop.</source>
        <translation>此处从不保存密码和签名密钥：请填写保存它们的保险库凭据名称。本机发送需要先打开保险库，否则消息将等待代理程序或其他电脑发送。</translation>
    </message>
    <message>
        <source>Team settings</source>
        <translation>团队设置</translation>
    </message>
    <message>
        <source>Service manual upload</source>
        <translation>售后服务手册上传</translation>
    </message>
    <message>
        <source>e.g. smtp.exmail.qq.com; empty: no e-mail</source>
        <translation>例如 smtp.exmail.qq.com；留空：不发邮件</translation>
    </message>
    <message>
        <source>none (plain text)</source>
        <translation>无（明文）</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>empty: the server needs no login</source>
        <translation>留空：服务器无需登录</translation>
    </message>
    <message>
        <source>empty: the password kept in the OS keyring</source>
        <translation>留空：使用系统密钥环中的密码</translation>
    </message>
    <message>
        <source>Mail server (SMTP)</source>
        <translation>邮件服务器（SMTP）</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>加密方式</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>发件人地址</translation>
    </message>
    <message>
        <source>Password credential</source>
        <translation>密码凭据</translation>
    </message>
    <message>
        <source>Chat group robots</source>
        <translation>群机器人</translation>
    </message>
    <message>
        <source>empty: messages are not signed</source>
        <translation>留空：消息不签名</translation>
    </message>
    <message>
        <source>{robot} webhook</source>
        <translation>{robot} 机器人地址</translation>
    </message>
    <message>
        <source>{robot} signing secret</source>
        <translation>{robot} 签名密钥</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> times</source>
        <translation> 次</translation>
    </message>
    <message>
        <source>Daily run</source>
        <translation>每日运行</translation>
    </message>
    <message>
        <source>Run the rules at</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <source>Not acknowledged: send again every</source>
        <translation>未确认时每隔</translation>
    </message>
    <message>
        <source>Send again at most</source>
        <translation>最多重发</translation>
    </message>
    <message>
        <source>Not uploaded</source>
        <translation>不上传</translation>
    </message>
    <message>
        <source>A network share folder</source>
        <translation>共享文件夹</translation>
    </message>
    <message>
        <source>A WebDAV document management system</source>
        <translation>WebDAV 文档管理系统</translation>
    </message>
    <message>
        <source>e.g. {folder}</source>
        <translation>例如 {folder}</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>e.g. https://dms.example.cn/dav/manual/</source>
        <translation>例如 https://dms.example.cn/dav/售后服务手册/</translation>
    </message>
    <message>
        <source>empty: the server needs no password</source>
        <translation>留空：服务器无需密码</translation>
    </message>
    <message>
        <source>By system</source>
        <translation>按系统分组</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按分类分组</translation>
    </message>
    <message>
        <source>DOCX and PDF</source>
        <translation>DOCX 和 PDF</translation>
    </message>
    <message>
        <source>DOCX only</source>
        <translation>仅 DOCX</translation>
    </message>
    <message>
        <source>PDF only</source>
        <translation>仅 PDF</translation>
    </message>
    <message>
        <source>Upload to</source>
        <translation>上传到</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>WebDAV URL</source>
        <translation>WebDAV 地址</translation>
    </message>
    <message>
        <source>Group the entries</source>
        <translation>条目分组</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>On the last day of each month the service manual and this month&apos;s changes are uploaded under month-stamped names, replacing files of the same name. The WebDAV password is a vault credential: the upload runs where the vault is open (the agent, or a desktop whose vault is open).</source>
        <translation>每月最后一天，售后服务手册及本月更新以带年月的文件名上传，并替换同名文件。WebDAV 密码是密码库中的凭据：上传在能打开密码库的地方进行（代理程序，或已打开密码库的桌面端）。</translation>
    </message>
    <message>
        <source>The folder the manual goes to</source>
        <translation>手册上传到的文件夹</translation>
    </message>
    <message>
        <source>The name of a credential in the vault.</source>
        <translation>保险库中凭据的名称。</translation>
    </message>
    <message>
        <source>The name of a credential in the vault (the vault&apos;s list is not open to you).</source>
        <translation>保险库中凭据的名称（您无权查看保险库列表）。</translation>
    </message>
</context>
<context>
    <name>UnreadNotifier</name>
    <message>
        <source>1 new reminder</source>
        <translation>1 条新提醒</translation>
    </message>
    <message>
        <source>{count} new reminders</source>
        <translation>{count} 条新提醒</translation>
    </message>
    <message>
        <source>SupportDesk</source>
        <translation>SupportDesk</translation>
    </message>
</context>
<context>
    <name>UploadsDialog</name>
    <message>
        <source>Service manual</source>
        <translation>售后服务手册</translation>
    </message>
    <message>
        <source>This month&apos;s changes</source>
        <translation>本月更新</translation>
    </message>
    <message>
        <source>✔ OK</source>
        <translation>✔ 成功</translation>
    </message>
    <message>
        <source>Service manual uploads</source>
        <translation>售后服务手册上传记录</translation>
    </message>
    <message>
        <source>At month end the service manual and this month&apos;s changes go to the document management system of the team settings. Each file sent, or the reason it was not, is listed here.</source>
        <translation>每月月底，售后服务手册及本月更新会上传到团队设置中的文档管理系统。此处列出每个已上传的文件，或未能上传的原因。</translation>
    </message>
    <message>
        <source>Upload now</source>
        <translation>立即上传</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>取消上传</translation>
    </message>
    <message>
        <source>Stop after the file being sent; what was sent stays recorded.</source>
        <translation>当前文件发送完后停止；已发送的文件仍有记录。</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>条目数</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>上传位置</translation>
    </message>
    <message>
        <source>No document management system is configured: choose one in Settings → Team settings → Service manual upload.</source>
        <translation>尚未配置文档管理系统：请在“设置 → 团队设置 → 售后服务手册上传”中选择。</translation>
    </message>
    <message>
        <source>The window closes once the file being sent has gone…</source>
        <translation>当前文件发送完成后窗口将关闭…</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>The uploads are loading…</source>
        <translation>正在加载上传记录…</translation>
    </message>
    <message>
        <source>Only the group leader and the administrator upload the service manual.</source>
        <translation>只有组长和管理员可以上传售后服务手册。</translation>
    </message>
    <message>
        <source>An upload is under way.</source>
        <translation>正在上传。</translation>
    </message>
    <message>
        <source>Upload the chosen month&apos;s manual and changes to the document management system now.</source>
        <translation>立即将所选月份的手册及本月更新上传到文档管理系统。</translation>
    </message>
    <message>
        <source>An export is under way.</source>
        <translation>正在导出。</translation>
    </message>
    <message>
        <source>Save one document of a month as a DOCX or PDF file.</source>
        <translation>将某月的一份文档保存为 DOCX 或 PDF 文件。</translation>
    </message>
    <message>
        <source>Nothing was uploaded for {month} yet.</source>
        <translation>{month} 尚未上传任何文件。</translation>
    </message>
    <message>
        <source>Open the vault first (on the Vault page): the document management system&apos;s password is the vault credential {name}.</source>
        <translation>请先在“密码库”页面打开密码库：文档管理系统的密码是密码库凭据 {name}。</translation>
    </message>
    <message>
        <source>Upload the service manual of {month} and this month&apos;s changes ({formats}) to {target}? Files of the same name there are replaced.</source>
        <translation>将 {month} 的售后服务手册及本月更新（{formats}）上传到 {target}？该处的同名文件将被替换。</translation>
    </message>
    <message>
        <source>Upload the service manual</source>
        <translation>上传售后服务手册</translation>
    </message>
    <message>
        <source>Uploading the service manual of {month}…</source>
        <translation>正在上传 {month} 的售后服务手册…</translation>
    </message>
    <message>
        <source>The document management system&apos;s password cannot be read: open the vault (on the Vault page) and try again.</source>
        <translation>无法读取文档管理系统的密码：请在“密码库”页面打开密码库后重试。</translation>
    </message>
    <message>
        <source>Uploaded {count} files of {month}.</source>
        <translation>已上传 {month} 的 {count} 个文件。</translation>
    </message>
    <message>
        <source>{failed} of {count} files were not uploaded. {reason}</source>
        <translation>{count} 个文件中有 {failed} 个未上传。{reason}</translation>
    </message>
    <message>
        <source>Uploading {file} ({number} of {total})…</source>
        <translation>正在上传 {file}（第 {number} 个，共 {total} 个）…</translation>
    </message>
    <message>
        <source>Cancelling: the file being sent is finished first…</source>
        <translation>正在取消：先完成当前文件的发送…</translation>
    </message>
    <message>
        <source>Export the service manual</source>
        <translation>导出售后服务手册</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>正在导出到 {path}…</translation>
    </message>
    <message>
        <source>Exported: {path} (entries: {entries}).</source>
        <translation>已导出：{path}（条目数：{entries}）。</translation>
    </message>
</context>
<context>
    <name>VaultPage</name>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>SSH key</source>
        <translation>SSH 密钥</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>强</translation>
    </message>
    <message>
        <source>very strong</source>
        <translation>很强</translation>
    </message>
    <message>
        <source>only for an SSH key that has one</source>
        <translation>仅用于设有口令的 SSH 密钥</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>密钥口令</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>New credential</source>
        <translation>新增凭据</translation>
    </message>
    <message>
        <source>Edit credential</source>
        <translation>编辑凭据</translation>
    </message>
    <message>
        <source>leave empty to keep the current secret</source>
        <translation>留空则保留当前密码</translation>
    </message>
    <message>
        <source>The vault is locked</source>
        <translation>密码库已锁定</translation>
    </message>
    <message>
        <source>Your vault passphrase</source>
        <translation>您的密码库口令</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>凭据</translation>
    </message>
    <message>
        <source>User</source>
        <translation>登录用户</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>轮换</translation>
    </message>
    <message>
        <source>due: change it</source>
        <translation>到期：请更换</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Reveal…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>The vault is not set up yet: the group leader runs “supportdesk vault init”.</source>
        <translation>密码库尚未建立：请组长运行“supportdesk vault init”。</translation>
    </message>
    <message>
        <source>You are not a member of the vault: ask the group leader to add you.</source>
        <translation>您不是密码库成员：请组长添加您。</translation>
    </message>
    <message>
        <source>{credentials} credentials. Enter your passphrase to open the vault.</source>
        <translation>共 {credentials} 个凭据。请输入口令打开密码库。</translation>
    </message>
    <message>
        <source>{count} due for rotation</source>
        <translation>{count} 个待轮换</translation>
    </message>
    <message>
        <source>Reveal secret</source>
        <translation>查看密码</translation>
    </message>
    <message>
        <source>Copy secret</source>
        <translation>复制密码</translation>
    </message>
    <message>
        <source>Reveal earlier secret</source>
        <translation>查看历史密码</translation>
    </message>
    <message>
        <source>Copy earlier secret</source>
        <translation>复制历史密码</translation>
    </message>
    <message>
        <source>Secret of {name}</source>
        <translation>{name} 的密码</translation>
    </message>
    <message>
        <source>Copied {name}; the clipboard is cleared in {seconds} s.</source>
        <translation>已复制 {name}；剪贴板将在 {seconds} 秒后清除。</translation>
    </message>
</context>
<context>
    <name>WebhookField</name>
    <message>
        <source>empty: not used</source>
        <translation>留空：不使用</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>_Grid</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>responsible engineer</source>
        <translation>负责工程师</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>contract number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>acceptance date</source>
        <translation>终验日期</translation>
    </message>
    <message>
        <source>start of the maintenance period</source>
        <translation>维保期开始</translation>
    </message>
    <message>
        <source>end of the maintenance period</source>
        <translation>维保期结束</translation>
    </message>
    <message>
        <source>what the company maintains</source>
        <translation>公司负责的维护内容</translation>
    </message>
    <message>
        <source>what the customer does</source>
        <translation>客户负责的内容</translation>
    </message>
    <message>
        <source>what happens when maintenance expires</source>
        <translation>维保到期后的处理</translation>
    </message>
    <message>
        <source>work of after-sales</source>
        <translation>售后负责的工作</translation>
    </message>
    <message>
        <source>work of technical support</source>
        <translation>技术支持部门负责的工作</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>planned acceptance</source>
        <translation>计划终验日期</translation>
    </message>
    <message>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>login user</source>
        <translation>登录用户</translation>
    </message>
    <message>
        <source>jump host</source>
        <translation>跳板机</translation>
    </message>
    <message>
        <source>credential</source>
        <translation>凭据</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>earlier secret</source>
        <translation>历史密码</translation>
    </message>
    <message>
        <source>access</source>
        <translation>访问方式</translation>
    </message>
    <message>
        <source>host key</source>
        <translation>主机密钥</translation>
    </message>
    <message>
        <source>key passphrase</source>
        <translation>密钥口令</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>disk use warning (%)</source>
        <translation>磁盘使用率告警（%）</translation>
    </message>
    <message>
        <source>disk use critical (%)</source>
        <translation>磁盘使用率严重（%）</translation>
    </message>
    <message>
        <source>free inodes warning (%)</source>
        <translation>剩余 inode 告警（%）</translation>
    </message>
    <message>
        <source>free inodes critical (%)</source>
        <translation>剩余 inode 严重（%）</translation>
    </message>
    <message>
        <source>memory use limit (%)</source>
        <translation>内存使用率上限（%）</translation>
    </message>
    <message>
        <source>free swap limit (%)</source>
        <translation>剩余交换空间下限（%）</translation>
    </message>
    <message>
        <source>load per CPU</source>
        <translation>每 CPU 负载</translation>
    </message>
    <message>
        <source>clock drift (s)</source>
        <translation>时钟偏差（秒）</translation>
    </message>
    <message>
        <source>minimum uptime (s)</source>
        <translation>最短运行时间（秒）</translation>
    </message>
    <message>
        <source>expected listening ports</source>
        <translation>应监听的端口</translation>
    </message>
    <message>
        <source>expected processes</source>
        <translation>应运行的进程</translation>
    </message>
    <message>
        <source>custom check</source>
        <translation>自定义检查</translation>
    </message>
    <message>
        <source>manual checklist item</source>
        <translation>人工检查项</translation>
    </message>
    <message>
        <source>inspection report</source>
        <translation>巡检报告</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>screenshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>vault</source>
        <translation>密码库</translation>
    </message>
    <message>
        <source>vault passphrase</source>
        <translation>密码库口令</translation>
    </message>
    <message>
        <source>key derivation</source>
        <translation>密钥派生</translation>
    </message>
    <message>
        <source>passphrase file</source>
        <translation>口令文件</translation>
    </message>
    <message>
        <source>salesperson</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>notice period (months)</source>
        <translation>提前通知期（月）</translation>
    </message>
    <message>
        <source>login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>配置档</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>handover package</source>
        <translation>移交文档</translation>
    </message>
    <message>
        <source>directory or repository</source>
        <translation>目录或备份仓库</translation>
    </message>
    <message>
        <source>deployed paths</source>
        <translation>部署路径</translation>
    </message>
    <message>
        <source>application directory</source>
        <translation>应用目录</translation>
    </message>
    <message>
        <source>backup directory</source>
        <translation>备份目录</translation>
    </message>
    <message>
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>database name</source>
        <translation>数据库名</translation>
    </message>
    <message>
        <source>days kept</source>
        <translation>保留天数</translation>
    </message>
    <message>
        <source>hour of the day</source>
        <translation>每日运行时刻</translation>
    </message>
    <message>
        <source>file pattern</source>
        <translation>文件名模式</translation>
    </message>
    <message>
        <source>hours between backups</source>
        <translation>备份间隔（小时）</translation>
    </message>
    <message>
        <source>change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>possible impact</source>
        <translation>可能的影响</translation>
    </message>
    <message>
        <source>rollback plan</source>
        <translation>回退方案</translation>
    </message>
    <message>
        <source>executor</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>监督人</translation>
    </message>
    <message>
        <source>planned start</source>
        <translation>计划开始时间</translation>
    </message>
    <message>
        <source>duration (minutes)</source>
        <translation>持续时间（分钟）</translation>
    </message>
    <message>
        <source>who was told</source>
        <translation>告知对象</translation>
    </message>
    <message>
        <source>when they were told</source>
        <translation>告知时间</translation>
    </message>
    <message>
        <source>when it was executed</source>
        <translation>执行时间</translation>
    </message>
    <message>
        <source>emergency reason</source>
        <translation>紧急原因</translation>
    </message>
    <message>
        <source>customer notice</source>
        <translation>客户告知</translation>
    </message>
    <message>
        <source>commit id</source>
        <translation>提交号</translation>
    </message>
    <message>
        <source>output file</source>
        <translation>输出文件</translation>
    </message>
    <message>
        <source>required material categories</source>
        <translation>必备技术资料类别</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <source>question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>解答</translation>
    </message>
    <message>
        <source>signers for the company</source>
        <translation>公司方签字人</translation>
    </message>
    <message>
        <source>signers for the customer</source>
        <translation>客户方签字人</translation>
    </message>
    <message>
        <source>signed scan</source>
        <translation>签字扫描件</translation>
    </message>
    <message>
        <source>date signed</source>
        <translation>签字日期</translation>
    </message>
    <message>
        <source>maintenance period</source>
        <translation>维保期</translation>
    </message>
    <message>
        <source>the project&apos;s FAQ entries</source>
        <translation>项目常见问题</translation>
    </message>
    <message>
        <source>emergency contacts</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>the project&apos;s systems</source>
        <translation>项目的系统</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>database URL</source>
        <translation>数据库地址</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>document folder</source>
        <translation>文档目录</translation>
    </message>
    <message>
        <source>WebDAV URL</source>
        <translation>WebDAV 地址</translation>
    </message>
    <message>
        <source>SMTP host</source>
        <translation>SMTP 服务器</translation>
    </message>
    <message>
        <source>SMTP port</source>
        <translation>SMTP 端口</translation>
    </message>
    <message>
        <source>SMTP login</source>
        <translation>SMTP 登录名</translation>
    </message>
    <message>
        <source>mail encryption</source>
        <translation>邮件加密方式</translation>
    </message>
    <message>
        <source>sender address</source>
        <translation>发件人地址</translation>
    </message>
    <message>
        <source>SMTP password credential</source>
        <translation>SMTP 密码凭据</translation>
    </message>
    <message>
        <source>DingTalk webhook</source>
        <translation>钉钉 Webhook</translation>
    </message>
    <message>
        <source>DingTalk signing secret</source>
        <translation>钉钉签名密钥</translation>
    </message>
    <message>
        <source>WeCom webhook</source>
        <translation>企业微信 Webhook</translation>
    </message>
    <message>
        <source>WeCom signing secret</source>
        <translation>企业微信签名密钥</translation>
    </message>
    <message>
        <source>Feishu webhook</source>
        <translation>飞书 Webhook</translation>
    </message>
    <message>
        <source>Feishu signing secret</source>
        <translation>飞书签名密钥</translation>
    </message>
    <message>
        <source>daily run time</source>
        <translation>每日运行时间</translation>
    </message>
    <message>
        <source>days before sending again</source>
        <translation>重发间隔天数</translation>
    </message>
    <message>
        <source>times sent again at most</source>
        <translation>最多重发次数</translation>
    </message>
    <message>
        <source>follow-up outcome</source>
        <translation>跟进结果</translation>
    </message>
    <message>
        <source>copied address</source>
        <translation>抄送地址</translation>
    </message>
    <message>
        <source>reason required</source>
        <translation>必须填写理由</translation>
    </message>
    <message>
        <source>clipboard seconds</source>
        <translation>剪贴板保留秒数</translation>
    </message>
    <message>
        <source>vault lock minutes</source>
        <translation>密码库自动锁定分钟数</translation>
    </message>
    <message>
        <source>symptom</source>
        <translation>现象</translation>
    </message>
    <message>
        <source>cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>solution</source>
        <translation>解决方法</translation>
    </message>
    <message>
        <source>workaround</source>
        <translation>临时规避</translation>
    </message>
    <message>
        <source>applies to version</source>
        <translation>适用版本</translation>
    </message>
    <message>
        <source>what changed</source>
        <translation>改进内容</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>效果证据</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>person rewarded</source>
        <translation>获奖人</translation>
    </message>
    <message>
        <source>optimisation item</source>
        <translation>优化条目</translation>
    </message>
    <message>
        <source>document system URL</source>
        <translation>文档系统地址</translation>
    </message>
    <message>
        <source>uploaded file name</source>
        <translation>上传文件名</translation>
    </message>
    <message>
        <source>document system</source>
        <translation>文档管理系统</translation>
    </message>
    <message>
        <source>document system folder</source>
        <translation>文档管理系统文件夹</translation>
    </message>
    <message>
        <source>document system login</source>
        <translation>文档管理系统登录名</translation>
    </message>
    <message>
        <source>document system password</source>
        <translation>文档管理系统密码</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>is longer than {max} characters</source>
        <translation>超过 {max} 个字符</translation>
    </message>
    <message>
        <source>is shorter than {min} characters</source>
        <translation>少于 {min} 个字符</translation>
    </message>
    <message>
        <source>the two entries differ</source>
        <translation>两次输入不一致</translation>
    </message>
    <message>
        <source>more than one {entity} is called &apos;{value}&apos;: pick it in the window</source>
        <translation>有多个名为“{value}”的{entity}：请在窗口中选择</translation>
    </message>
    <message>
        <source>the vault is already set up</source>
        <translation>密码库已经建立</translation>
    </message>
    <message>
        <source>the key derivation is weaker than the minimum (Argon2id t=3, 64 MiB, p=4)</source>
        <translation>密钥派生参数低于最低要求（Argon2id t=3、64 MiB、p=4）</translation>
    </message>
    <message>
        <source>{value} may no longer use the vault (their role changed): remove them from it first</source>
        <translation>{value} 已无权使用密码库（角色已变更）：请先将其移出密码库</translation>
    </message>
    <message>
        <source>the vault membership of {value} was not made by a group leader (changed outside SupportDesk): nothing was changed; remove that member and tell the administrator</source>
        <translation>{value} 的密码库成员资格不是由组长添加的（在 SupportDesk 之外被改动）：未做任何更改；请移除该成员并通知管理员</translation>
    </message>
    <message>
        <source>no keyring backend was found ({detail}): the vault works by passphrase alone</source>
        <translation>未找到系统密钥环（{detail}）：密码库仅用口令打开</translation>
    </message>
    <message>
        <source>the keyring {detail} is not available here ({reason}): the vault works by passphrase alone</source>
        <translation>系统密钥环 {detail} 在此不可用（{reason}）：密码库仅用口令打开</translation>
    </message>
    <message>
        <source>the keyring is switched off ({detail}): the vault works by passphrase alone</source>
        <translation>系统密钥环已关闭（{detail}）：密码库仅用口令打开</translation>
    </message>
    <message>
        <source>the keyring {detail} keeps secrets in plain files and is refused: the vault works by passphrase alone</source>
        <translation>系统密钥环 {detail} 以明文文件保存密码，已拒绝使用：密码库仅用口令打开</translation>
    </message>
    <message>
        <source>the keyring {detail} is not a recommended one ({reason}) and is refused: the vault works by passphrase alone</source>
        <translation>系统密钥环 {detail} 不是推荐的后端（{reason}），已拒绝使用：密码库仅用口令打开</translation>
    </message>
    <message>
        <source>the keyring {detail} failed: {reason}</source>
        <translation>系统密钥环 {detail} 出错：{reason}</translation>
    </message>
    <message>
        <source>{value} is not a member of the vault: ask the group leader to add you</source>
        <translation>{value} 不是密码库成员：请组长添加您</translation>
    </message>
    <message>
        <source>{value} is already a member of the vault</source>
        <translation>{value} 已是密码库成员</translation>
    </message>
    <message>
        <source>{value}&apos;s role does not allow using the vault</source>
        <translation>{value} 的角色无权使用密码库</translation>
    </message>
    <message>
        <source>{value} is the last member of the vault and cannot be removed</source>
        <translation>{value} 是密码库的最后一位成员，不能移除</translation>
    </message>
    <message>
        <source>the team key changed since the vault was opened: open it again</source>
        <translation>打开密码库后团队密钥已更换：请重新打开</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an e-mail address</source>
        <translation>“{value}”不是有效的电子邮件地址</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a phone number</source>
        <translation>“{value}”不是有效的电话号码</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid login (lower-case letters, digits, _ . -)</source>
        <translation>“{value}”不是有效的登录名（只能使用小写字母、数字、_ . -）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an IP address or host name</source>
        <translation>“{value}”不是 IP 地址或主机名</translation>
    </message>
    <message>
        <source>{value} is not a port between 1 and 65535</source>
        <translation>{value} 不是 1 到 65535 之间的端口</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of: {choices}</source>
        <translation>“{value}”不在可选值中：{choices}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date (YYYY-MM-DD)</source>
        <translation>“{value}”不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid value</source>
        <translation>“{value}”不是有效的值</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number</source>
        <translation>“{value}”不是整数</translation>
    </message>
    <message>
        <source>{value} is not between {min} and {max}</source>
        <translation>{value} 不在 {min} 到 {max} 之间</translation>
    </message>
    <message>
        <source>was locked; unlock it and try again</source>
        <translation>已锁定；请解锁后重试</translation>
    </message>
    <message>
        <source>ends before it starts</source>
        <translation>结束日期早于开始日期</translation>
    </message>
    <message>
        <source>{value} is not between 0 and 24 months</source>
        <translation>{value} 不在 0 到 24 个月之间</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; already exists</source>
        <translation>“{value}”已存在</translation>
    </message>
    <message>
        <source>no user with login &apos;{value}&apos;</source>
        <translation>没有登录名为“{value}”的用户</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is neither a salesperson nor a sales director</source>
        <translation>“{value}”既不是销售人员也不是销售总监</translation>
    </message>
    <message>
        <source>there is no setting &apos;{value}&apos;</source>
        <translation>没有名为“{value}”的设置项</translation>
    </message>
    <message>
        <source>the project has no acceptance date, planned or actual</source>
        <translation>该项目没有终验日期（计划或实际）</translation>
    </message>
    <message>
        <source>cannot move from &apos;{current}&apos; to &apos;{value}&apos;</source>
        <translation>不能从“{current}”变为“{value}”</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a time of day (HH:MM)</source>
        <translation>“{value}”不是时间（时:分）</translation>
    </message>
    <message>
        <source>is not a webhook URL (https://host/path?token)</source>
        <translation>不是 Webhook 地址（https://主机/路径?令牌）</translation>
    </message>
    <message>
        <source>the vault has no credential named &apos;{value}&apos;</source>
        <translation>保险库中没有名为“{value}”的凭据</translation>
    </message>
    <message>
        <source>{entity} &apos;{value}&apos; does not exist</source>
        <translation>{entity}“{value}”不存在</translation>
    </message>
    <message>
        <source>the jump host must be another host of the same system</source>
        <translation>跳板机必须是同一系统中的另一台主机</translation>
    </message>
    <message>
        <source>a host cannot be its own jump host</source>
        <translation>主机不能作为自己的跳板机</translation>
    </message>
    <message>
        <source>jumping through &apos;{value}&apos; would lead back to this host</source>
        <translation>经由“{value}”跳转会回到本主机</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a supported database; use sqlite:///PATH or postgresql+psycopg://USER@HOST/DATABASE</source>
        <translation>“{value}”不是支持的数据库；请使用 sqlite:///路径 或 postgresql+psycopg://用户@主机/数据库</translation>
    </message>
    <message>
        <source>no host named &apos;{value}&apos; in this system</source>
        <translation>本系统中没有名为“{value}”的主机</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is inside the application directory: the backups would archive themselves</source>
        <translation>“{value}”位于应用目录之内：备份会把自身也打包进去</translation>
    </message>
    <message>
        <source>the host could not be read: {detail}</source>
        <translation>无法读取主机：{detail}</translation>
    </message>
    <message>
        <source>the backup could not be set up; the host said: {detail}</source>
        <translation>无法设置备份；主机返回：{detail}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an absolute path (one starting with /)</source>
        <translation>“{value}”不是绝对路径（应以 / 开头）</translation>
    </message>
    <message>
        <source>is {value}: only a planned change can be changed</source>
        <translation>状态为 {value}：只有计划中的变更可以修改</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an after-sales engineer or group leader</source>
        <translation>“{value}”不是售后工程师或售后服务组长</translation>
    </message>
    <message>
        <source>the customer has not been told of this change yet (schedule, impact, scope, duration): record the notice first, or give the reason for an emergency change</source>
        <translation>尚未将本次变更（时间安排、影响、范围、持续时间）告知客户：请先登记告知，或填写紧急变更的原因</translation>
    </message>
    <message>
        <source>{value} is before the change&apos;s schedule or scope last changed; tell the customer again</source>
        <translation>{value} 早于变更时间安排或范围的最近一次修改；请重新告知客户</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a commit id (7 to 64 hexadecimal digits)</source>
        <translation>“{value}”不是提交号（7 到 64 位十六进制数字）</translation>
    </message>
    <message>
        <source>is signed and frozen; start an amendment to change it</source>
        <translation>已签字并冻结；如需修改请发起补充修订</translation>
    </message>
    <message>
        <source>is not complete; missing: {missing}</source>
        <translation>尚不完整，缺少：{missing}</translation>
    </message>
    <message>
        <source>{value} is in the future</source>
        <translation>{value} 是将来的日期</translation>
    </message>
    <message>
        <source>has not been signed yet</source>
        <translation>尚未签字</translation>
    </message>
    <message>
        <source>already has an amendment under way</source>
        <translation>已有一份补充修订正在进行</translation>
    </message>
    <message>
        <source>tags cannot contain spaces</source>
        <translation>标签不能包含空格</translation>
    </message>
    <message>
        <source>the last administrator cannot lose the role</source>
        <translation>不能撤销最后一位管理员的角色</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid profile name</source>
        <translation>“{value}”不是有效的配置档名称</translation>
    </message>
    <message>
        <source>must not contain a password; use the keyring or a pgpass file</source>
        <translation>不能包含密码；请使用系统密钥环或 pgpass 文件</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a JSON, CSV or XLSX file</source>
        <translation>“{value}”不是 JSON、CSV 或 XLSX 文件</translation>
    </message>
    <message>
        <source>cannot be read: {detail}</source>
        <translation>无法读取：{detail}</translation>
    </message>
    <message>
        <source>{value} cannot be written: {detail}</source>
        <translation>无法写入 {value}：{detail}</translation>
    </message>
    <message>
        <source>the host {value} does not belong to the chosen system</source>
        <translation>主机 {value} 不属于所选系统</translation>
    </message>
    <message>
        <source>is not in the SupportDesk format: {detail}</source>
        <translation>不是 SupportDesk 格式：{detail}</translation>
    </message>
    <message>
        <source>the profile already holds data</source>
        <translation>该配置档中已有数据</translation>
    </message>
    <message>
        <source>{value} is not text</source>
        <translation>{value} 不是文本</translation>
    </message>
    <message>
        <source>{value} is not true or false</source>
        <translation>{value} 不是 true 或 false</translation>
    </message>
    <message>
        <source>{value} is not a list</source>
        <translation>{value} 不是列表</translation>
    </message>
    <message>
        <source>only an administrator may add the user &apos;{value}&apos;</source>
        <translation>只有管理员可以添加用户“{value}”</translation>
    </message>
    <message>
        <source>Cannot connect to the database {url}: {detail}</source>
        <translation>无法连接数据库 {url}：{detail}</translation>
    </message>
    <message>
        <source>The database file {path} is on a network share ({fs}). SQLite can corrupt data there. Use a team PostgreSQL database instead (Settings → Database, or SUPPORTDESK_DB=postgresql+psycopg://…).</source>
        <translation>数据库文件 {path} 位于网络共享上（{fs}），SQLite 在网络共享上可能损坏数据。请改用团队 PostgreSQL 数据库（设置 → 数据库，或 SUPPORTDESK_DB=postgresql+psycopg://…）。</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was saved; free some space and try again.</source>
        <translation>磁盘已满，未保存任何内容；请释放空间后重试。</translation>
    </message>
    <message>
        <source>The database is busy; try again in a moment.</source>
        <translation>数据库正忙，请稍后重试。</translation>
    </message>
    <message>
        <source>Upgrading the database from revision {revision} failed; the old database was left in place. Details: {detail}</source>
        <translation>从版本 {revision} 升级数据库失败，原数据库保持不变。详细信息：{detail}</translation>
    </message>
    <message>
        <source>{path} already exists; choose another file</source>
        <translation>{path} 已存在，请选择其他文件</translation>
    </message>
    <message>
        <source>The backup failed: {detail}</source>
        <translation>备份失败：{detail}</translation>
    </message>
    <message>
        <source>The login {login} may not read every table of the team database (the vault&apos;s secrets are served to members one audited access at a time). Back it up as the database&apos;s owner.</source>
        <translation>登录名 {login} 无权读取团队数据库的全部表（密码库中的密码只能由成员逐次经审计取用）。请以数据库所有者的身份备份。</translation>
    </message>
    <message>
        <source>The database login {login} could not be created ({detail}).</source>
        <translation>无法创建数据库登录名 {login}（{detail}）。</translation>
    </message>
    <message>
        <source>pg_dump is needed to back up a PostgreSQL database</source>
        <translation>备份 PostgreSQL 数据库需要 pg_dump</translation>
    </message>
    <message>
        <source>Secret damaged: it was changed outside SupportDesk and cannot be shown.</source>
        <translation>密码已损坏：它在 SupportDesk 之外被改动，无法显示。</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>口令错误。</translation>
    </message>
    <message>
        <source>a different key is already accepted for {value}: only the group leader can replace it</source>
        <translation>{value} 已接受了另一个密钥：只有组长可以替换</translation>
    </message>
    <message>
        <source>{host} is not known yet. Its host key is {fingerprint}: compare it with the server&apos;s before accepting it. Nothing was sent.</source>
        <translation>{host} 尚未登记。它的主机密钥指纹是 {fingerprint}：请先与服务器上的指纹核对，再接受。尚未发送任何信息。</translation>
    </message>
    <message>
        <source>The host key of {host} has changed: it was {old}, it is now {new}. Nothing was sent. Only the group leader can accept the new key, after checking it with the customer.</source>
        <translation>{host} 的主机密钥已变化：原为 {old}，现为 {new}。尚未发送任何信息。只有组长在与客户核实后才能接受新密钥。</translation>
    </message>
    <message>
        <source>Cannot connect to {host}: {detail}</source>
        <translation>无法连接 {host}：{detail}</translation>
    </message>
    <message>
        <source>{host} did not accept a connection within {seconds} s.</source>
        <translation>{host} 在 {seconds} 秒内未接受连接。</translation>
    </message>
    <message>
        <source>{host} accepted the connection but sent nothing for {seconds} s: is an SSH server listening on that port?</source>
        <translation>{host} 接受了连接，但 {seconds} 秒内没有发送任何内容：该端口上是否有 SSH 服务？</translation>
    </message>
    <message>
        <source>{host} did not complete the SSH greeting within {seconds} s.</source>
        <translation>{host} 在 {seconds} 秒内未完成 SSH 握手。</translation>
    </message>
    <message>
        <source>{host} refused the login ({detail}).</source>
        <translation>{host} 拒绝登录（{detail}）。</translation>
    </message>
    <message>
        <source>{host} did not answer the login within {seconds} s.</source>
        <translation>{host} 在 {seconds} 秒内未响应登录。</translation>
    </message>
    <message>
        <source>{host} did not start the command within {seconds} s.</source>
        <translation>{host} 在 {seconds} 秒内未开始执行命令。</translation>
    </message>
    <message>
        <source>{host}: cancelled.</source>
        <translation>{host}：已取消。</translation>
    </message>
    <message>
        <source>{host}: the SSH connection failed ({detail}).</source>
        <translation>{host}：SSH 连接失败（{detail}）。</translation>
    </message>
    <message>
        <source>The evidence {sha256} is missing or was changed after it was stored.</source>
        <translation>证据 {sha256} 缺失，或在保存后被修改过。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a month (YYYY-MM)</source>
        <translation>“{value}”不是月份（YYYY-MM）</translation>
    </message>
    <message>
        <source>the jump hosts of {value} go round in a circle or are over three deep</source>
        <translation>{value} 的跳板机形成循环，或超过三层</translation>
    </message>
    <message>
        <source>the pattern of {value} is not a regular expression ({detail})</source>
        <translation>{value} 的匹配模式不是正则表达式（{detail}）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a process name (one word, as ps shows it)</source>
        <translation>“{value}”不是进程名（应为一个词，与 ps 显示一致）</translation>
    </message>
    <message>
        <source>{value} needs a command</source>
        <translation>{value} 需要一条命令</translation>
    </message>
    <message>
        <source>only an SSH key has a passphrase</source>
        <translation>只有 SSH 密钥才有口令</translation>
    </message>
    <message>
        <source>is saved together with its key: give the key too</source>
        <translation>须与密钥一起保存：请同时提供密钥</translation>
    </message>
    <message>
        <source>{value} has no key passphrase</source>
        <translation>{value} 没有密钥口令</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an exit status (a whole number, or empty for any)</source>
        <translation>“{value}”不是退出码（应为整数，或留空表示不限）</translation>
    </message>
    <message>
        <source>{value} is not worse than the warning level</source>
        <translation>{value} 不比告警级别更严重</translation>
    </message>
    <message>
        <source>host {value} was not inspected: record why before finalising</source>
        <translation>主机 {value} 未巡检：定稿前请记录原因</translation>
    </message>
    <message>
        <source>the required item &apos;{value}&apos; is not ticked yet</source>
        <translation>必填项“{value}”尚未勾选</translation>
    </message>
    <message>
        <source>the report is {value}: only a draft can be changed or finalised</source>
        <translation>报告状态为 {value}：只有草稿可以修改或定稿</translation>
    </message>
    <message>
        <source>the report is {value}: only a finalised report can be reviewed</source>
        <translation>报告状态为 {value}：只有已定稿的报告可以审核</translation>
    </message>
    <message>
        <source>the inspection run is {value}: only a finished run makes a report</source>
        <translation>巡检状态为 {value}：只有已完成的巡检可以生成报告</translation>
    </message>
    <message>
        <source>is larger than {max}</source>
        <translation>大于 {max}</translation>
    </message>
    <message>
        <source>no inspection was run in {value}</source>
        <translation>{value} 没有进行过巡检</translation>
    </message>
    <message>
        <source>the report is {value}: only an approved report goes to the documents</source>
        <translation>报告状态为 {value}：只有已批准的报告才会归档</translation>
    </message>
    <message>
        <source>host {value} has no credential in the vault: link one to it</source>
        <translation>主机 {value} 在密码库中没有凭据：请为它关联一个</translation>
    </message>
    <message>
        <source>The private key for {host} is encrypted: store its passphrase with the credential.</source>
        <translation>{host} 的私钥已加密：请在凭据中保存其口令。</translation>
    </message>
    <message>
        <source>The passphrase stored for the private key of {host} is wrong.</source>
        <translation>为 {host} 的私钥保存的口令不正确。</translation>
    </message>
    <message>
        <source>has more than {max} entries</source>
        <translation>超过 {max} 个</translation>
    </message>
    <message>
        <source>an entry that was once published cannot be deleted: the manual&apos;s history keeps it</source>
        <translation>曾经发布过的条目不能删除：手册的历史需要保留它</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an image (PNG, JPEG, GIF or BMP)</source>
        <translation>“{value}”不是图片（PNG、JPEG、GIF 或 BMP）</translation>
    </message>
    <message>
        <source>the report is under review or approved: only a draft is changed</source>
        <translation>报告正在审批或已批准：只能修改草稿</translation>
    </message>
    <message>
        <source>the report of {month} is approved and frozen</source>
        <translation>{month} 的报告已批准并冻结</translation>
    </message>
    <message>
        <source>this step of the approval chain is not yours to take</source>
        <translation>审批流程的这一步不由您处理</translation>
    </message>
    <message>
        <source>the reward is yours: another person of that role reviews it</source>
        <translation>这是您本人的奖励：须由同一角色的其他人审批</translation>
    </message>
    <message>
        <source>{person} already has a reward application for this optimisation</source>
        <translation>{person} 已有针对该优化事项的奖励申请</translation>
    </message>
    <message>
        <source>the report of {month} has no items to submit</source>
        <translation>{month} 的报告没有可提交的条目</translation>
    </message>
    <message>
        <source>the report of {month} is not approved yet: only an approved report&apos;s measures go to ZenTao</source>
        <translation>{month} 的报告尚未批准：只有已批准报告中的措施才会推送到禅道</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a ZenTao id</source>
        <translation>“{value}”不是禅道编号</translation>
    </message>
    <message>
        <source>the optimisation report of {month} is not approved: a reward is applied for only from an approved report</source>
        <translation>{month} 的优化报告尚未批准：只能依据已批准的优化报告申请奖励</translation>
    </message>
    <message>
        <source>item {value} is not in the optimisation report of {month}</source>
        <translation>条目 {value} 不在 {month} 的优化报告中</translation>
    </message>
    <message>
        <source>the reward is under review or approved: only a draft is changed</source>
        <translation>奖励申请正在审批或已批准：只能修改草稿</translation>
    </message>
    <message>
        <source>a reward that was once submitted cannot be deleted: its steps are kept</source>
        <translation>提交过的奖励申请不能删除：其审批记录须保留</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is no longer an active user</source>
        <translation>“{value}”已不是在用的用户</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an amount in yuan with at most two decimals</source>
        <translation>“{value}”不是以元为单位、最多两位小数的金额</translation>
    </message>
    <message>
        <source>is before the planned start</source>
        <translation>早于预计开始日期</translation>
    </message>
    <message>
        <source>{value} is below zero</source>
        <translation>{value} 小于零</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not known here</source>
        <translation>“{value}”无法识别</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a pair of a project id and a ZenTao execution id (12=34)</source>
        <translation>“{value}”不是“项目编号=禅道执行编号”的格式（如 12=34）</translation>
    </message>
    <message>
        <source>the group leader is reviewing the entry: return it to draft first</source>
        <translation>组长正在审核该条目：请先退回为草稿</translation>
    </message>
    <message>
        <source>revision {value} says what the entry says now: nothing to restore</source>
        <translation>修订 {value} 与条目当前内容相同，无需恢复</translation>
    </message>
    <message>
        <source>is not set up: choose a folder or a WebDAV location in the team settings</source>
        <translation>尚未设置：请在团队设置中选择共享文件夹或 WebDAV 地址</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a web address (http:// or https://, without a password)</source>
        <translation>“{value}”不是网址（应以 http:// 或 https:// 开头，且不含密码）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; cannot be a file name (no slashes or control characters)</source>
        <translation>“{value}”不能作为文件名（不能包含斜杠或控制字符）</translation>
    </message>
    <message>
        <source>The private key stored for {host} is not an OpenSSH private key.</source>
        <translation>为 {host} 保存的私钥不是 OpenSSH 私钥。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>row {row}, {field}</source>
        <translation>第 {row} 行，{field}</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where}：{problem}</translation>
    </message>
    <message>
        <source>This {entity} was changed by {user} after you opened it. Reload it and make your change again.</source>
        <translation>在您打开此{entity}之后，{user} 修改了它。请重新加载后再修改。</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>其他人</translation>
    </message>
    <message>
        <source>This {entity} no longer exists (it may have been deleted).</source>
        <translation>此{entity}已不存在（可能已被删除）。</translation>
    </message>
    <message>
        <source>{actor} may not do this ({permission}).</source>
        <translation>{actor} 无权执行此操作（{permission}）。</translation>
    </message>
    <message>
        <source>An unexpected error occurred. It was written to the log file.</source>
        <translation>发生意外错误，详细信息已写入日志文件。</translation>
    </message>
    <message>
        <source>ZenTao refused the login: check the account and its password credential. It is not tried again, since ZenTao locks an account after a few failed logins.</source>
        <translation>禅道拒绝登录：请检查账号及其密码凭据。为免禅道在多次失败后锁定账号，不再重试。</translation>
    </message>
    <message>
        <source>ZenTao has locked the account after failed logins: ask its admin.</source>
        <translation>禅道账号因多次登录失败已被锁定：请联系禅道管理员。</translation>
    </message>
    <message>
        <source>The ZenTao account may not create tasks in that execution.</source>
        <translation>该禅道账号无权在此执行中创建任务。</translation>
    </message>
    <message>
        <source>This ZenTao has no RESTful API v1 (older than 16): import the spreadsheet instead.</source>
        <translation>此禅道没有 RESTful API v1（版本低于 16）：请改为导入表格。</translation>
    </message>
    <message>
        <source>ZenTao cannot be reached.</source>
        <translation>无法连接禅道。</translation>
    </message>
    <message>
        <source>ZenTao did not answer in time.</source>
        <translation>禅道未及时响应。</translation>
    </message>
    <message>
        <source>ZenTao answered with an error ({status}).</source>
        <translation>禅道返回错误（{status}）。</translation>
    </message>
    <message>
        <source>The document system {target} cannot be reached. Nothing was uploaded.</source>
        <translation>无法连接文档系统 {target}，未上传任何内容。</translation>
    </message>
    <message>
        <source>The document system {target} refused the login: check the user and the password credential in the team settings.</source>
        <translation>文档系统 {target} 拒绝登录：请检查团队设置中的用户名和密码凭据。</translation>
    </message>
    <message>
        <source>The document system {target} refused the file (no such folder, no right to write, or too large).</source>
        <translation>文档系统 {target} 拒收文件（目录不存在、没有写入权限或文件过大）。</translation>
    </message>
    <message>
        <source>The document system {target} did not answer in time.</source>
        <translation>文档系统 {target} 未及时响应。</translation>
    </message>
    <message>
        <source>The document system {target} answered with HTTP status {status}.</source>
        <translation>文档系统 {target} 返回 HTTP 状态码 {status}。</translation>
    </message>
    <message>
        <source>No upload to {target} was even tried: run `supportdesk agent`, or open the vault on a group leader&apos;s desktop, or upload it from the Service manual page.</source>
        <translation>尚未尝试上传到 {target}：请运行 `supportdesk agent`，或在组长的电脑上打开密码库，或在“售后服务手册”页面手动上传。</translation>
    </message>
    <message>
        <source>The document system {target} did not take the file ({reason}).</source>
        <translation>文档系统 {target} 未接收文件（{reason}）。</translation>
    </message>
    <message>
        <source>technical material: {category}</source>
        <translation>技术资料：{category}</translation>
    </message>
    <message>
        <source>after-sales engineer</source>
        <translation>售后工程师</translation>
    </message>
    <message>
        <source>group leader</source>
        <translation>售后服务组长</translation>
    </message>
    <message>
        <source>sales director</source>
        <translation>销售总监</translation>
    </message>
    <message>
        <source>management committee</source>
        <translation>管理委员会</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>maintenance contract</source>
        <translation>维保合同</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>service manual entry</source>
        <translation>售后服务手册条目</translation>
    </message>
    <message>
        <source>reward</source>
        <translation>奖励申请</translation>
    </message>
    <message>
        <source>optimisation report</source>
        <translation>优化报告</translation>
    </message>
    <message>
        <source>item of the optimisation report</source>
        <translation>优化报告条目</translation>
    </message>
    <message>
        <source>revision</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>backup job</source>
        <translation>备份任务</translation>
    </message>
    <message>
        <source>archived file</source>
        <translation>归档文件</translation>
    </message>
    <message>
        <source>outstanding issue</source>
        <translation>遗留问题</translation>
    </message>
    <message>
        <source>FAQ entry</source>
        <translation>常见问题条目</translation>
    </message>
    <message>
        <source>technical material</source>
        <translation>技术资料</translation>
    </message>
    <message>
        <source>signed version</source>
        <translation>签字版本</translation>
    </message>
    <message>
        <source>reminder</source>
        <translation>提醒</translation>
    </message>
</context>
</TS>
