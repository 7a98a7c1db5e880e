<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AmendmentDialog</name>
    <message>
        <source>Start an amendment</source>
        <translation>Start an amendment</translation>
    </message>
    <message>
        <source>e.g. the customer moved the backup server; the deployment guide changes</source>
        <translation>e.g. the customer moved the backup server; the deployment guide changes</translation>
    </message>
    <message>
        <source>The package of {project} stays signed as it is. The amendment lets you change it; signing again records the next version, with this reason.</source>
        <translation>The package of {project} stays signed as it is. The amendment lets you change it; signing again records the next version, with this reason.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ArtifactFileDialog</name>
    <message>
        <source>Archive a file</source>
        <translation>Archive a file</translation>
    </message>
    <message>
        <source>Source code (a file or an archive)</source>
        <translation>Source code (a file or an archive)</translation>
    </message>
    <message>
        <source>Database script</source>
        <translation>Database script</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>(acknowledge only, assign later)</source>
        <translation>(acknowledge only, assign later)</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>Salesperson</translation>
    </message>
    <message>
        <source>Acknowledging stops the reminder from being sent again; the salesperson follows it up with the customer and records the outcome.</source>
        <translation>Acknowledging stops the reminder from being sent again; the salesperson follows it up with the customer and records the outcome.</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>files</source>
        <translation>files</translation>
    </message>
    <message>
        <source>PostgreSQL dumps</source>
        <translation>PostgreSQL dumps</translation>
    </message>
    <message>
        <source>MySQL dumps</source>
        <translation>MySQL dumps</translation>
    </message>
    <message>
        <source>restic repository</source>
        <translation>restic repository</translation>
    </message>
    <message>
        <source>borg repository</source>
        <translation>borg repository</translation>
    </message>
    <message>
        <source>the checksum the backup script recorded (SHA256SUMS)</source>
        <translation>the checksum the backup script recorded (SHA256SUMS)</translation>
    </message>
    <message>
        <source>the file as it lies in the backup directory</source>
        <translation>the file as it lies in the backup directory</translation>
    </message>
    <message>
        <source>the repository&apos;s own copy</source>
        <translation>the repository&apos;s own copy</translation>
    </message>
    <message>
        <source>the file kept</source>
        <translation>the file kept</translation>
    </message>
    <message>
        <source>the repository</source>
        <translation>the repository</translation>
    </message>
    <message>
        <source>the backup directory does not exist</source>
        <translation>the backup directory does not exist</translation>
    </message>
    <message>
        <source>the restore failed: {said}</source>
        <translation>the restore failed: {said}</translation>
    </message>
    <message>
        <source>{file} is not in the backup</source>
        <translation>{file} is not in the backup</translation>
    </message>
    <message>
        <source>the restored file&apos;s checksum differs from the one it should have</source>
        <translation>the restored file&apos;s checksum differs from the one it should have</translation>
    </message>
    <message>
        <source>could not connect to {host}</source>
        <translation>could not connect to {host}</translation>
    </message>
    <message>
        <source>{host} refused the login</source>
        <translation>{host} refused the login</translation>
    </message>
    <message>
        <source>the SSH connection to {host} failed</source>
        <translation>the SSH connection to {host} failed</translation>
    </message>
    <message>
        <source>the restore took longer than allowed</source>
        <translation>the restore took longer than allowed</translation>
    </message>
    <message>
        <source>{host} is not known yet: accept its host key in an inspection first</source>
        <translation>{host} is not known yet: accept its host key in an inspection first</translation>
    </message>
    <message>
        <source>the host key of {host} has changed: nothing was sent</source>
        <translation>the host key of {host} has changed: nothing was sent</translation>
    </message>
    <message>
        <source>Restored {file}: the checksum matches</source>
        <translation>Restored {file}: the checksum matches</translation>
    </message>
    <message>
        <source>Cancelled: nothing was compared</source>
        <translation>Cancelled: nothing was compared</translation>
    </message>
    <message>
        <source>The restore drill failed: {reason}</source>
        <translation>The restore drill failed: {reason}</translation>
    </message>
    <message>
        <source>File: {file}</source>
        <translation>File: {file}</translation>
    </message>
    <message>
        <source>Compared with {reference}</source>
        <translation>Compared with {reference}</translation>
    </message>
    <message>
        <source>SHA-256 expected {expected}, restored {restored}</source>
        <translation>SHA-256 expected {expected}, restored {restored}</translation>
    </message>
    <message>
        <source>✔ restored</source>
        <translation>✔ restored</translation>
    </message>
    <message>
        <source>Expected SHA-256: {expected}
Restored SHA-256: {restored}</source>
        <translation>Expected SHA-256: {expected}
Restored SHA-256: {restored}</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>the listing took longer than allowed</source>
        <translation>the listing took longer than allowed</translation>
    </message>
    <message>
        <source>the host stopped answering</source>
        <translation>the host stopped answering</translation>
    </message>
    <message>
        <source>the connection broke off</source>
        <translation>the connection broke off</translation>
    </message>
    <message>
        <source>the command ended without an exit status</source>
        <translation>the command ended without an exit status</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>there is no directory {path}</source>
        <translation>there is no directory {path}</translation>
    </message>
    <message>
        <source>the dump does not end the way a complete dump does</source>
        <translation>the dump does not end the way a complete dump does</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <source>Could not read the backups: {reason}</source>
        <translation>Could not read the backups: {reason}</translation>
    </message>
    <message>
        <source>No backups found</source>
        <translation>No backups found</translation>
    </message>
    <message>
        <source>Newest backup {age} h old ({newest}) — within the schedule</source>
        <translation>Newest backup {age} h old ({newest}) — within the schedule</translation>
    </message>
    <message>
        <source>Newest backup {age} h old ({newest}) — more than the schedule allows</source>
        <translation>Newest backup {age} h old ({newest}) — more than the schedule allows</translation>
    </message>
    <message>
        <source>Backups go back {days} days, to {oldest} ({required} required)</source>
        <translation>Backups go back {days} days, to {oldest} ({required} required)</translation>
    </message>
    <message>
        <source>Only {days} days of backups ({required} required), the oldest {oldest}</source>
        <translation>Only {days} days of backups ({required} required), the oldest {oldest}</translation>
    </message>
    <message>
        <source>No gap between backups longer than the schedule allows</source>
        <translation>No gap between backups longer than the schedule allows</translation>
    </message>
    <message>
        <source>Gap of {hours} h between {after} and {before}</source>
        <translation>Gap of {hours} h between {after} and {before}</translation>
    </message>
    <message>
        <source>Newest backup {size}, usually {usual}</source>
        <translation>Newest backup {size}, usually {usual}</translation>
    </message>
    <message>
        <source>Newest backup {size}, usually {usual} — less than half</source>
        <translation>Newest backup {size}, usually {usual} — less than half</translation>
    </message>
    <message>
        <source>The repository&apos;s check passed</source>
        <translation>The repository&apos;s check passed</translation>
    </message>
    <message>
        <source>The newest backup is complete and undamaged</source>
        <translation>The newest backup is complete and undamaged</translation>
    </message>
    <message>
        <source>The repository&apos;s check failed: {detail}</source>
        <translation>The repository&apos;s check failed: {detail}</translation>
    </message>
    <message>
        <source>The newest backup is damaged or incomplete: {detail}</source>
        <translation>The newest backup is damaged or incomplete: {detail}</translation>
    </message>
    <message>
        <source>could not read</source>
        <translation>could not read</translation>
    </message>
    <message>
        <source>no backups</source>
        <translation>no backups</translation>
    </message>
    <message>
        <source>newest {age} h old</source>
        <translation>newest {age} h old</translation>
    </message>
    <message>
        <source>only {days} days</source>
        <translation>only {days} days</translation>
    </message>
    <message>
        <source>gap of {hours} h</source>
        <translation>gap of {hours} h</translation>
    </message>
    <message>
        <source>shrunk</source>
        <translation>shrunk</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>damaged</translation>
    </message>
    <message>
        <source>never checked</source>
        <translation>never checked</translation>
    </message>
    <message>
        <source>✔ passed</source>
        <translation>✔ passed</translation>
    </message>
    <message>
        <source>{count} gaps</source>
        <translation>{count} gaps</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>✘ failed: {problems}</source>
        <translation>✘ failed: {problems}</translation>
    </message>
    <message>
        <source>– cancelled</source>
        <translation>– cancelled</translation>
    </message>
    <message>
        <source>✘ failed</source>
        <translation>✘ failed</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>checked</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>every day</translation>
    </message>
    <message>
        <source>every {days} days ({hours} h)</source>
        <translation>every {days} days ({hours} h)</translation>
    </message>
    <message>
        <source>every {hours} h</source>
        <translation>every {hours} h</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator set up backup jobs.</source>
        <translation>Only engineers, the group leader and the administrator set up backup jobs.</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator check backups.</source>
        <translation>Only engineers, the group leader and the administrator check backups.</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator run restore drills.</source>
        <translation>Only engineers, the group leader and the administrator run restore drills.</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator set up backups on a host (under a planned change).</source>
        <translation>Only engineers, the group leader and the administrator set up backups on a host (under a planned change).</translation>
    </message>
    <message>
        <source>Search customer, system, job, host or path…</source>
        <translation>Search customer, system, job, host or path…</translation>
    </message>
    <message>
        <source>Needs attention only</source>
        <translation>Needs attention only</translation>
    </message>
    <message>
        <source>Jobs whose last check failed, that were not checked for {days} days, or never.</source>
        <translation>Jobs whose last check failed, that were not checked for {days} days, or never.</translation>
    </message>
    <message>
        <source>Add job…</source>
        <translation>Add job…</translation>
    </message>
    <message>
        <source>Edit job…</source>
        <translation>Edit job…</translation>
    </message>
    <message>
        <source>Check selected</source>
        <translation>Check selected</translation>
    </message>
    <message>
        <source>Check all shown</source>
        <translation>Check all shown</translation>
    </message>
    <message>
        <source>Set up a backup…</source>
        <translation>Set up a backup…</translation>
    </message>
    <message>
        <source>Restore drill…</source>
        <translation>Restore drill…</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Every (h)</source>
        <translation>Every (h)</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>Last check</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The job</source>
        <translation>The job</translation>
    </message>
    <message>
        <source>Host and path</source>
        <translation>Host and path</translation>
    </message>
    <message>
        <source>Backup files</source>
        <translation>Backup files</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Repository password</source>
        <translation>Repository password</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Checked at</source>
        <translation>Checked at</translation>
    </message>
    <message>
        <source>Restore drill of {job}: {result}</source>
        <translation>Restore drill of {job}: {result}</translation>
    </message>
    <message>
        <source>The backup is set up on {host} and the change recorded as executed; from now on these jobs check it: {names}.</source>
        <translation>The backup is set up on {host} and the change recorded as executed; from now on these jobs check it: {names}.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <source>Evidence…</source>
        <translation>Evidence…</translation>
    </message>
    <message>
        <source>Check history</source>
        <translation>Check history</translation>
    </message>
    <message>
        <source>Restore drills</source>
        <translation>Restore drills</translation>
    </message>
    <message>
        <source>Drilled at</source>
        <translation>Drilled at</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>Compared with</translation>
    </message>
    <message>
        <source>Drilled by</source>
        <translation>Drilled by</translation>
    </message>
    <message>
        <source>Never checked: nothing proves yet that these backups can be restored.</source>
        <translation>Never checked: nothing proves yet that these backups can be restored.</translation>
    </message>
    <message>
        <source>Last checked {days} days ago: check it again.</source>
        <translation>Last checked {days} days ago: check it again.</translation>
    </message>
    <message>
        <source>Jobs: {count} · failing: {failed} · not checked for {days} days: {stale} · never checked: {never}</source>
        <translation>Jobs: {count} · failing: {failed} · not checked for {days} days: {stale} · never checked: {never}</translation>
    </message>
    <message>
        <source>Check history ({count})</source>
        <translation>Check history ({count})</translation>
    </message>
    <message>
        <source>Restore drills ({count})</source>
        <translation>Restore drills ({count})</translation>
    </message>
    <message>
        <source>Select a job to see its checks.</source>
        <translation>Select a job to see its checks.</translation>
    </message>
    <message>
        <source>{schedule}; a backup more than {late} h after the one before counts as missed</source>
        <translation>{schedule}; a backup more than {late} h after the one before counts as missed</translation>
    </message>
    <message>
        <source>vault credential {name}</source>
        <translation>vault credential {name}</translation>
    </message>
    <message>
        <source>{at} by {who}: {status}</source>
        <translation>{at} by {who}: {status}</translation>
    </message>
    <message>
        <source>Restore drill at {at}</source>
        <translation>Restore drill at {at}</translation>
    </message>
    <message>
        <source>Restore drill</source>
        <translation>Restore drill</translation>
    </message>
    <message>
        <source>Findings of the check at {at}</source>
        <translation>Findings of the check at {at}</translation>
    </message>
    <message>
        <source>Loading the systems and hosts…</source>
        <translation>Loading the systems and hosts…</translation>
    </message>
    <message>
        <source>Select a job first.</source>
        <translation>Select a job first.</translation>
    </message>
    <message>
        <source>A check is running.</source>
        <translation>A check is running.</translation>
    </message>
    <message>
        <source>Open the vault first (on the Vault page): the hosts&apos; credentials and the repositories&apos; passwords are there.</source>
        <translation>Open the vault first (on the Vault page): the hosts&apos; credentials and the repositories&apos; passwords are there.</translation>
    </message>
    <message>
        <source>No jobs are shown.</source>
        <translation>No jobs are shown.</translation>
    </message>
    <message>
        <source>A restore drill is open: finish or close it first.</source>
        <translation>A restore drill is open: finish or close it first.</translation>
    </message>
    <message>
        <source>Open the vault first (on the Vault page): the host&apos;s credential is there.</source>
        <translation>Open the vault first (on the Vault page): the host&apos;s credential is there.</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator see what a host said.</source>
        <translation>Only engineers, the group leader and the administrator see what a host said.</translation>
    </message>
    <message>
        <source>Select a check in the history first.</source>
        <translation>Select a check in the history first.</translation>
    </message>
    <message>
        <source>This check kept no evidence.</source>
        <translation>This check kept no evidence.</translation>
    </message>
    <message>
        <source>Select a drill in the history first.</source>
        <translation>Select a drill in the history first.</translation>
    </message>
    <message>
        <source>This drill kept no evidence.</source>
        <translation>This drill kept no evidence.</translation>
    </message>
    <message>
        <source>Add a backup job to a system: where its backups are and how often.</source>
        <translation>Add a backup job to a system: where its backups are and how often.</translation>
    </message>
    <message>
        <source>Correct the selected job.</source>
        <translation>Correct the selected job.</translation>
    </message>
    <message>
        <source>List and judge the selected job&apos;s backups on its host, over SSH.</source>
        <translation>List and judge the selected job&apos;s backups on its host, over SSH.</translation>
    </message>
    <message>
        <source>Check every job the table shows, one after another.</source>
        <translation>Check every job the table shows, one after another.</translation>
    </message>
    <message>
        <source>What the host said in the selected check, and the command it ran.</source>
        <translation>What the host said in the selected check, and the command it ran.</translation>
    </message>
    <message>
        <source>Where a customer has no backup: install a daily backup on a host of the system, under a planned change, and add the jobs that check it.</source>
        <translation>Where a customer has no backup: install a daily backup on a host of the system, under a planned change, and add the jobs that check it.</translation>
    </message>
    <message>
        <source>Restore one file of the selected job&apos;s backups on its host and compare its checksum: proof that the backups can be restored.</source>
        <translation>Restore one file of the selected job&apos;s backups on its host and compare its checksum: proof that the backups can be restored.</translation>
    </message>
    <message>
        <source>What the host said in the selected drill, and the command it ran.</source>
        <translation>What the host said in the selected drill, and the command it ran.</translation>
    </message>
    <message>
        <source>Add a system first (Projects and systems).</source>
        <translation>Add a system first (Projects and systems).</translation>
    </message>
    <message>
        <source>Saved the backup job {name}.</source>
        <translation>Saved the backup job {name}.</translation>
    </message>
    <message>
        <source>Checking backups ({count} to check)…</source>
        <translation>Checking backups ({count} to check)…</translation>
    </message>
    <message>
        <source>Checked {checked}: {passed} passed, {failed} failed.</source>
        <translation>Checked {checked}: {passed} passed, {failed} failed.</translation>
    </message>
    <message>
        <source>Cancelled after {checked} of {total} jobs; the job being checked was recorded as cancelled, the rest were not checked.</source>
        <translation>Cancelled after {checked} of {total} jobs; the job being checked was recorded as cancelled, the rest were not checked.</translation>
    </message>
    <message>
        <source>Cancelling: the job being checked stops within seconds…</source>
        <translation>Cancelling: the job being checked stops within seconds…</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <source>New change</source>
        <translation>New change</translation>
    </message>
    <message>
        <source>Edit the change</source>
        <translation>Edit the change</translation>
    </message>
    <message>
        <source>e.g. upgrade the dispatch service to 3.2</source>
        <translation>e.g. upgrade the dispatch service to 3.2</translation>
    </message>
    <message>
        <source>What is changed: programs, configuration, database objects</source>
        <translation>What is changed: programs, configuration, database objects</translation>
    </message>
    <message>
        <source>e.g. the dispatch pages are unavailable for about 30 minutes</source>
        <translation>e.g. the dispatch pages are unavailable for about 30 minutes</translation>
    </message>
    <message>
        <source>Who makes the change: ours, the customer&apos;s or a contractor, by name</source>
        <translation>Who makes the change: ours, the customer&apos;s or a contractor, by name</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Possible impact</source>
        <translation>Possible impact</translation>
    </message>
    <message>
        <source>Rollback plan</source>
        <translation>Rollback plan</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Executor</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Changing the schedule, scope, possible impact or duration means the customer must be told again before the change is made.</source>
        <translation>Changing the schedule, scope, possible impact or duration means the customer must be told again before the change is made.</translation>
    </message>
    <message>
        <source>Under maintenance: the customer must be told the schedule, impact, scope and duration before the change is made.</source>
        <translation>Under maintenance: the customer must be told the schedule, impact, scope and duration before the change is made.</translation>
    </message>
    <message>
        <source>Not under maintenance: no customer notice is required.</source>
        <translation>Not under maintenance: no customer notice is required.</translation>
    </message>
</context>
<context>
    <name>ChangeNotice</name>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>Planned change to {system} on {day}: {title}</source>
        <translation>Planned change to {system} on {day}: {title}</translation>
    </message>
    <message>
        <source>Dear {customer},</source>
        <translation>Dear {customer},</translation>
    </message>
    <message>
        <source>We plan the following change to {system}:</source>
        <translation>We plan the following change to {system}:</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Possible impact</source>
        <translation>Possible impact</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>If it fails</source>
        <translation>If it fails</translation>
    </message>
    <message>
        <source>Please tell us if this time does not suit you. Reference: change {id}.</source>
        <translation>Please tell us if this time does not suit you. Reference: change {id}.</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>executed</source>
        <translation>executed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>executed without notice</source>
        <translation>executed without notice</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>Duration (minutes)</translation>
    </message>
    <message>
        <source>Rollback plan</source>
        <translation>Rollback plan</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Executor</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Executed at</source>
        <translation>Executed at</translation>
    </message>
    <message>
        <source>Customer notice</source>
        <translation>Customer notice</translation>
    </message>
    <message>
        <source>Emergency reason</source>
        <translation>Emergency reason</translation>
    </message>
</context>
<context>
    <name>ChangesPage</name>
    <message>
        <source>phone</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>mail</source>
        <translation>mail</translation>
    </message>
    <message>
        <source>source code</source>
        <translation>source code</translation>
    </message>
    <message>
        <source>commit</source>
        <translation>commit</translation>
    </message>
    <message>
        <source>database script</source>
        <translation>database script</translation>
    </message>
    <message>
        <source>deployed files&apos; checksums</source>
        <translation>deployed files&apos; checksums</translation>
    </message>
    <message>
        <source>queued ({count} not yet sent)</source>
        <translation>queued ({count} not yet sent)</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>not sent</translation>
    </message>
    <message>
        <source>{start} to {end} ({duration})</source>
        <translation>{start} to {end} ({duration})</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator record changes.</source>
        <translation>Only engineers, the group leader and the administrator record changes.</translation>
    </message>
    <message>
        <source>told</source>
        <translation>told</translation>
    </message>
    <message>
        <source>mail queued ({count})</source>
        <translation>mail queued ({count})</translation>
    </message>
    <message>
        <source>not told</source>
        <translation>not told</translation>
    </message>
    <message>
        <source>Executed without telling the customer first. Emergency reason: {reason}</source>
        <translation>Executed without telling the customer first. Emergency reason: {reason}</translation>
    </message>
    <message>
        <source>Search title, reason, scope, impact, people, customer or system…</source>
        <translation>Search title, reason, scope, impact, people, customer or system…</translation>
    </message>
    <message>
        <source>All systems</source>
        <translation>All systems</translation>
    </message>
    <message>
        <source>Executed without notice only</source>
        <translation>Executed without notice only</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <source>New change…</source>
        <translation>New change…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Tell the customer…</source>
        <translation>Tell the customer…</translation>
    </message>
    <message>
        <source>Mark executed…</source>
        <translation>Mark executed…</translation>
    </message>
    <message>
        <source>Cancel change…</source>
        <translation>Cancel change…</translation>
    </message>
    <message>
        <source>Not under maintenance: no customer notice is required.</source>
        <translation>Not under maintenance: no customer notice is required.</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Customer notice</source>
        <translation>Customer notice</translation>
    </message>
    <message>
        <source>{state}, flagged</source>
        <translation>{state}, flagged</translation>
    </message>
    <message>
        <source>The change</source>
        <translation>The change</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Flagged</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Possible impact</source>
        <translation>Possible impact</translation>
    </message>
    <message>
        <source>Rollback plan</source>
        <translation>Rollback plan</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Executor</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>To whom</source>
        <translation>To whom</translation>
    </message>
    <message>
        <source>Told at</source>
        <translation>Told at</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Customer notices</source>
        <translation>Customer notices</translation>
    </message>
    <message>
        <source>✔ verified</source>
        <translation>✔ verified</translation>
    </message>
    <message>
        <source>✘ does not verify</source>
        <translation>✘ does not verify</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>SHA-256 or commit</source>
        <translation>SHA-256 or commit</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Added by</translation>
    </message>
    <message>
        <source>Archive file…</source>
        <translation>Archive file…</translation>
    </message>
    <message>
        <source>Archive commit…</source>
        <translation>Archive commit…</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <source>Archive: changed source and database scripts</source>
        <translation>Archive: changed source and database scripts</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Executed at</source>
        <translation>Executed at</translation>
    </message>
    <message>
        <source>Source or commit</source>
        <translation>Source or commit</translation>
    </message>
    <message>
        <source>Database scripts</source>
        <translation>Database scripts</translation>
    </message>
    <message>
        <source>What runs on each system: its newest executed change that archived source, a commit or scripts. Double-click a row to see the change.</source>
        <translation>What runs on each system: its newest executed change that archived source, a commit or scripts. Double-click a row to see the change.</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>Change log</translation>
    </message>
    <message>
        <source>Running versions</source>
        <translation>Running versions</translation>
    </message>
    <message>
        <source>Change log ({count})</source>
        <translation>Change log ({count})</translation>
    </message>
    <message>
        <source>Select a change to see it in full.</source>
        <translation>Select a change to see it in full.</translation>
    </message>
    <message>
        <source>under maintenance</source>
        <translation>under maintenance</translation>
    </message>
    <message>
        <source>not under maintenance</source>
        <translation>not under maintenance</translation>
    </message>
    <message>
        <source>{state} at {at}</source>
        <translation>{state} at {at}</translation>
    </message>
    <message>
        <source>{customer} · {system} ({maintenance})</source>
        <translation>{customer} · {system} ({maintenance})</translation>
    </message>
    <message>
        <source>Customer notices ({count})</source>
        <translation>Customer notices ({count})</translation>
    </message>
    <message>
        <source>Told by {channel}: {who}, {when}</source>
        <translation>Told by {channel}: {who}, {when}</translation>
    </message>
    <message>
        <source>Mail queued: it counts once the mail server has accepted every copy ({count} not yet).</source>
        <translation>Mail queued: it counts once the mail server has accepted every copy ({count} not yet).</translation>
    </message>
    <message>
        <source>Told before the schedule, scope, impact or duration changed: tell the customer again.</source>
        <translation>Told before the schedule, scope, impact or duration changed: tell the customer again.</translation>
    </message>
    <message>
        <source>Not told.</source>
        <translation>Not told.</translation>
    </message>
    <message>
        <source>Not told yet: required before the change (R3.2).</source>
        <translation>Not told yet: required before the change (R3.2).</translation>
    </message>
    <message>
        <source>Not told (not required: the system is not under maintenance).</source>
        <translation>Not told (not required: the system is not under maintenance).</translation>
    </message>
    <message>
        <source>Add a system first (Projects and systems).</source>
        <translation>Add a system first (Projects and systems).</translation>
    </message>
    <message>
        <source>Select a change first.</source>
        <translation>Select a change first.</translation>
    </message>
    <message>
        <source>This change is {state}: only a planned change can be changed.</source>
        <translation>This change is {state}: only a planned change can be changed.</translation>
    </message>
    <message>
        <source>This change was cancelled: there is nothing to archive.</source>
        <translation>This change was cancelled: there is nothing to archive.</translation>
    </message>
    <message>
        <source>The change is loading…</source>
        <translation>The change is loading…</translation>
    </message>
    <message>
        <source>Select an archived file first.</source>
        <translation>Select an archived file first.</translation>
    </message>
    <message>
        <source>A commit is a reference: there is no file to save.</source>
        <translation>A commit is a reference: there is no file to save.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Plan a change to a system: reason, scope, schedule, impact, rollback, executor and supervisor.</source>
        <translation>Plan a change to a system: reason, scope, schedule, impact, rollback, executor and supervisor.</translation>
    </message>
    <message>
        <source>Correct the planned change. Changing its schedule, scope, impact or duration means telling the customer again.</source>
        <translation>Correct the planned change. Changing its schedule, scope, impact or duration means telling the customer again.</translation>
    </message>
    <message>
        <source>Record that the customer was told the schedule, possible impact, scope and duration: by phone, or by mail from SupportDesk.</source>
        <translation>Record that the customer was told the schedule, possible impact, scope and duration: by phone, or by mail from SupportDesk.</translation>
    </message>
    <message>
        <source>Record that the change was made, and when.</source>
        <translation>Record that the change was made, and when.</translation>
    </message>
    <message>
        <source>Cancel the planned change.</source>
        <translation>Cancel the planned change.</translation>
    </message>
    <message>
        <source>Archive the changed source (a file or an archive) or a database script; it is kept by its SHA-256.</source>
        <translation>Archive the changed source (a file or an archive) or a database script; it is kept by its SHA-256.</translation>
    </message>
    <message>
        <source>Archive the commit the change was built from.</source>
        <translation>Archive the commit the change was built from.</translation>
    </message>
    <message>
        <source>Save a copy of the archived file (checked against its SHA-256).</source>
        <translation>Save a copy of the archived file (checked against its SHA-256).</translation>
    </message>
    <message>
        <source>No changes are shown to export.</source>
        <translation>No changes are shown to export.</translation>
    </message>
    <message>
        <source>Save the changes shown as an Excel workbook.</source>
        <translation>Save the changes shown as an Excel workbook.</translation>
    </message>
    <message>
        <source>The notice mail is queued: it counts once the mail server accepts it.</source>
        <translation>The notice mail is queued: it counts once the mail server accepts it.</translation>
    </message>
    <message>
        <source>Cancel change {id}, {title}, planned for {start} on {system}? A cancelled change stays in the log and cannot be executed.</source>
        <translation>Cancel change {id}, {title}, planned for {start} on {system}? A cancelled change stays in the log and cannot be executed.</translation>
    </message>
    <message>
        <source>Cancel change</source>
        <translation>Cancel change</translation>
    </message>
    <message>
        <source>Archive a file of the change</source>
        <translation>Archive a file of the change</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Database scripts (*.sql)</source>
        <translation>Database scripts (*.sql)</translation>
    </message>
    <message>
        <source>Archives (*.zip *.tar *.gz *.tgz *.7z *.rar)</source>
        <translation>Archives (*.zip *.tar *.gz *.tgz *.7z *.rar)</translation>
    </message>
    <message>
        <source>Archived {name} ({reference}).</source>
        <translation>Archived {name} ({reference}).</translation>
    </message>
    <message>
        <source>Save a copy of {name}</source>
        <translation>Save a copy of {name}</translation>
    </message>
    <message>
        <source>Saving a copy of {name}…</source>
        <translation>Saving a copy of {name}…</translation>
    </message>
    <message>
        <source>Saved a copy: {path}</source>
        <translation>Saved a copy: {path}</translation>
    </message>
    <message>
        <source>Export the change log</source>
        <translation>Export the change log</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>change-log_{date}</source>
        <translation>change-log_{date}</translation>
    </message>
    <message>
        <source>Exporting {count} changes to {path}…</source>
        <translation>Exporting {count} changes to {path}…</translation>
    </message>
    <message>
        <source>Exported: {path}</source>
        <translation>Exported: {path}</translation>
    </message>
</context>
<context>
    <name>CheckProgressDialog</name>
    <message>
        <source>Checking backups</source>
        <translation>Checking backups</translation>
    </message>
    <message>
        <source>Each job&apos;s result is kept as soon as it is checked. Cancel stops the job being checked within seconds; it is recorded as cancelled.</source>
        <translation>Each job&apos;s result is kept as soon as it is checked. Cancel stops the job being checked within seconds; it is recorded as cancelled.</translation>
    </message>
    <message>
        <source>Checking {job} ({done} of {total} done)…</source>
        <translation>Checking {job} ({done} of {total} done)…</translation>
    </message>
    <message>
        <source>Cancelling: the job being checked stops within seconds…</source>
        <translation>Cancelling: the job being checked stops within seconds…</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <source>Manual checklist</source>
        <translation>Manual checklist</translation>
    </message>
    <message>
        <source>Ticked by hand: these items are not checked over SSH.</source>
        <translation>Ticked by hand: these items are not checked over SSH.</translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Screenshot…</source>
        <translation>Screenshot…</translation>
    </message>
    <message>
        <source>This system has no manual items.</source>
        <translation>This system has no manual items.</translation>
    </message>
    <message>
        <source>Screenshot</source>
        <translation>Screenshot</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>CommentReturnDialog</name>
    <message>
        <source>What must be changed (required)</source>
        <translation>What must be changed (required)</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
</context>
<context>
    <name>CommitDialog</name>
    <message>
        <source>Archive a commit</source>
        <translation>Archive a commit</translation>
    </message>
    <message>
        <source>e.g. dispatch/app.git, branch release-3.2</source>
        <translation>e.g. dispatch/app.git, branch release-3.2</translation>
    </message>
    <message>
        <source>7 to 64 hexadecimal digits</source>
        <translation>7 to 64 hexadecimal digits</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>Commit id</source>
        <translation>Commit id</translation>
    </message>
</context>
<context>
    <name>ContractsPage</name>
    <message>
        <source>Maintenance contracts</source>
        <translation>Maintenance contracts</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>Salesperson</translation>
    </message>
    <message>
        <source>Notice (months)</source>
        <translation>Notice (months)</translation>
    </message>
    <message>
        <source>Warn sales on</source>
        <translation>Warn sales on</translation>
    </message>
    <message>
        <source>Delete the maintenance contract of {system} ending {end}?</source>
        <translation>Delete the maintenance contract of {system} ending {end}?</translation>
    </message>
    <message>
        <source>Delete maintenance contract</source>
        <translation>Delete maintenance contract</translation>
    </message>
</context>
<context>
    <name>CustomerCopiesDialog</name>
    <message>
        <source>one e-mail address per line</source>
        <translation>one e-mail address per line</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Copy to</source>
        <translation>Copy to</translation>
    </message>
    <message>
        <source>These addresses receive a copy of every maintenance expiry mail about this customer. Leave empty to copy nobody.</source>
        <translation>These addresses receive a copy of every maintenance expiry mail about this customer. Leave empty to copy nobody.</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>Engineer</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>First contact</translation>
    </message>
    <message>
        <source>overdue: not contacted within a week</source>
        <translation>overdue: not contacted within a week</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>Contacts of the selected customer</source>
        <translation>Contacts of the selected customer</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Delete customer {name} with its {contacts} contacts and {projects} projects, including their systems, hosts and contracts?</source>
        <translation>Delete customer {name} with its {contacts} contacts and {projects} projects, including their systems, hosts and contracts?</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>Delete customer</translation>
    </message>
    <message>
        <source>Delete contact {name}?</source>
        <translation>Delete contact {name}?</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>Delete contact</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>&lt;h3&gt;SupportDesk {version}&lt;/h3&gt;&lt;p&gt;The after-sales group&apos;s service desk.&lt;/p&gt;&lt;p&gt;Qt {qt}, PySide6 {pyside}&lt;/p&gt;&lt;p&gt;Profile: {profile}&lt;br&gt;Database: {database}&lt;br&gt;Log file: {log}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SupportDesk {version}&lt;/h3&gt;&lt;p&gt;The after-sales group&apos;s service desk.&lt;/p&gt;&lt;p&gt;Qt {qt}, PySide6 {pyside}&lt;/p&gt;&lt;p&gt;Profile: {profile}&lt;br&gt;Database: {database}&lt;br&gt;Log file: {log}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About SupportDesk</source>
        <translation>About SupportDesk</translation>
    </message>
    <message>
        <source>SupportDesk</source>
        <translation>SupportDesk</translation>
    </message>
    <message>
        <source>The details were written to {path}.</source>
        <translation>The details were written to {path}.</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <source>Restore drill: {job}</source>
        <translation>Restore drill: {job}</translation>
    </message>
    <message>
        <source>Restores one file of these backups into a scratch directory on {host}, removed afterwards, and compares its checksum with the one it should have. Nothing of the customer&apos;s is changed.</source>
        <translation>Restores one file of these backups into a scratch directory on {host}, removed afterwards, and compares its checksum with the one it should have. Nothing of the customer&apos;s is changed.</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Start the drill</source>
        <translation>Start the drill</translation>
    </message>
    <message>
        <source>File in the newest snapshot</source>
        <translation>File in the newest snapshot</translation>
    </message>
    <message>
        <source>e.g. /etc/nginx/nginx.conf</source>
        <translation>e.g. /etc/nginx/nginx.conf</translation>
    </message>
    <message>
        <source>Required: the full path of a file inside the newest snapshot, starting with /.</source>
        <translation>Required: the full path of a file inside the newest snapshot, starting with /.</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <source>empty: the newest backup</source>
        <translation>empty: the newest backup</translation>
    </message>
    <message>
        <source>Optional: the name of one backup file in {path}, without a directory. Empty: the newest.</source>
        <translation>Optional: the name of one backup file in {path}, without a directory. Empty: the newest.</translation>
    </message>
    <message>
        <source>Open the vault first (on the Vault page): the host&apos;s credential is there.</source>
        <translation>Open the vault first (on the Vault page): the host&apos;s credential is there.</translation>
    </message>
    <message>
        <source>Restoring {file} on {host}…</source>
        <translation>Restoring {file} on {host}…</translation>
    </message>
    <message>
        <source>the newest backup</source>
        <translation>the newest backup</translation>
    </message>
    <message>
        <source>Cancelling: the drill stops within seconds…</source>
        <translation>Cancelling: the drill stops within seconds…</translation>
    </message>
    <message>
        <source>Cancelled before the drill began: nothing was restored.</source>
        <translation>Cancelled before the drill began: nothing was restored.</translation>
    </message>
    <message>
        <source>Drill again</source>
        <translation>Drill again</translation>
    </message>
</context>
<context>
    <name>EntityPanel</name>
    <message>
        <source>Search…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Evidence of {host}</source>
        <translation>Evidence of {host}</translation>
    </message>
    <message>
        <source>Host key: {fingerprint}</source>
        <translation>Host key: {fingerprint}</translation>
    </message>
    <message>
        <source>Started: {at}  Ended: {end}</source>
        <translation>Started: {at}  Ended: {end}</translation>
    </message>
    <message>
        <source>Outcome: {outcome}, exit status {status}</source>
        <translation>Outcome: {outcome}, exit status {status}</translation>
    </message>
</context>
<context>
    <name>ExecutedDialog</name>
    <message>
        <source>Mark the change executed</source>
        <translation>Mark the change executed</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Executed at</source>
        <translation>Executed at</translation>
    </message>
    <message>
        <source>Told by {channel}: {who}, {when}</source>
        <translation>Told by {channel}: {who}, {when}</translation>
    </message>
    <message>
        <source>Not told yet</source>
        <translation>Not told yet</translation>
    </message>
    <message>
        <source>Not under maintenance: no notice is required</source>
        <translation>Not under maintenance: no notice is required</translation>
    </message>
    <message>
        <source>Customer notice</source>
        <translation>Customer notice</translation>
    </message>
    <message>
        <source>{system} is under maintenance: the customer must be told the schedule, possible impact, scope and duration before it is changed, and they have not been told of this change. Tell the customer first (Tell the customer…).</source>
        <translation>{system} is under maintenance: the customer must be told the schedule, possible impact, scope and duration before it is changed, and they have not been told of this change. Tell the customer first (Tell the customer…).</translation>
    </message>
    <message>
        <source>If it was an emergency that could not wait, give the reason: the change is then recorded as executed without notice and flagged in the change log.</source>
        <translation>If it was an emergency that could not wait, give the reason: the change is then recorded as executed without notice and flagged in the change log.</translation>
    </message>
    <message>
        <source>e.g. the database server failed at 02:00; the fix could not wait</source>
        <translation>e.g. the database server failed at 02:00; the fix could not wait</translation>
    </message>
    <message>
        <source>Record as emergency (flagged)</source>
        <translation>Record as emergency (flagged)</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>Executed</translation>
    </message>
</context>
<context>
    <name>ExternalBoundaryTab</name>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>Saving the period creates the free maintenance contract of each production system, or moves it with the period.</source>
        <translation>Saving the period creates the free maintenance contract of each production system, or moves it with the period.</translation>
    </message>
    <message>
        <source>The company maintains</source>
        <translation>The company maintains</translation>
    </message>
    <message>
        <source>The customer does</source>
        <translation>The customer does</translation>
    </message>
    <message>
        <source>When maintenance expires</source>
        <translation>When maintenance expires</translation>
    </message>
    <message>
        <source>Free maintenance period</source>
        <translation>Free maintenance period</translation>
    </message>
</context>
<context>
    <name>FaqDialog</name>
    <message>
        <source>Add a question</source>
        <translation>Add a question</translation>
    </message>
    <message>
        <source>Edit the question</source>
        <translation>Edit the question</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
</context>
<context>
    <name>FaqEditDialog</name>
    <message>
        <source>New service manual entry</source>
        <translation>New service manual entry</translation>
    </message>
    <message>
        <source>Edit entry {id}</source>
        <translation>Edit entry {id}</translation>
    </message>
    <message>
        <source>The problem as a customer or engineer would put it</source>
        <translation>The problem as a customer or engineer would put it</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>(any)</translation>
    </message>
    <message>
        <source>e.g. 3.1 and later</source>
        <translation>e.g. 3.1 and later</translation>
    </message>
    <message>
        <source>Comma separated, e.g. 备份, 磁盘</source>
        <translation>Comma separated, e.g. 备份, 磁盘</translation>
    </message>
    <message>
        <source>A solution or a workaround is required.</source>
        <translation>A solution or a workaround is required.</translation>
    </message>
    <message>
        <source>Insert image…</source>
        <translation>Insert image…</translation>
    </message>
    <message>
        <source>A screenshot at the cursor; it is stored with the entry when you save.</source>
        <translation>A screenshot at the cursor; it is stored with the entry when you save.</translation>
    </message>
    <message>
        <source>Insert code block</source>
        <translation>Insert code block</translation>
    </message>
    <message>
        <source>Commands or output, kept exactly as typed (the selected text, if any).</source>
        <translation>Commands or output, kept exactly as typed (the selected text, if any).</translation>
    </message>
    <message>
        <source>What this save changed, kept with the revision</source>
        <translation>What this save changed, kept with the revision</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Customer / project / system</source>
        <translation>Customer / project / system</translation>
    </message>
    <message>
        <source>Applies to version</source>
        <translation>Applies to version</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Markdown: **bold**, - lists, ``` code ```; images by button.</source>
        <translation>Markdown: **bold**, - lists, ``` code ```; images by button.</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>Saving makes this entry a draft again: the manual keeps the published revision until the group leader publishes the new one.</source>
        <translation>Saving makes this entry a draft again: the manual keeps the published revision until the group leader publishes the new one.</translation>
    </message>
    <message>
        <source>Insert an image</source>
        <translation>Insert an image</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.bmp)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>FaqLinkDialog</name>
    <message>
        <source>Link a service manual entry</source>
        <translation>Link a service manual entry</translation>
    </message>
    <message>
        <source>Search the service manual by words of the question, the tags or the answer, then pick the entry to link.</source>
        <translation>Search the service manual by words of the question, the tags or the answer, then pick the entry to link.</translation>
    </message>
    <message>
        <source>e.g. ORA-01555, 备份失败</source>
        <translation>e.g. ORA-01555, 备份失败</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Linked</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>The most recently changed entries. Type to search.</source>
        <translation>The most recently changed entries. Type to search.</translation>
    </message>
    <message>
        <source>No entry holds every word typed.</source>
        <translation>No entry holds every word typed.</translation>
    </message>
    <message>
        <source>Entries found: {total}, the first {shown} shown. Add words to narrow them.</source>
        <translation>Entries found: {total}, the first {shown} shown. Add words to narrow them.</translation>
    </message>
    <message>
        <source>Entries found: {total}.</source>
        <translation>Entries found: {total}.</translation>
    </message>
    <message>
        <source>Select an entry first.</source>
        <translation>Select an entry first.</translation>
    </message>
    <message>
        <source>This entry is linked already.</source>
        <translation>This entry is linked already.</translation>
    </message>
    <message>
        <source>Linking…</source>
        <translation>Linking…</translation>
    </message>
    <message>
        <source>Link the selected entry.</source>
        <translation>Link the selected entry.</translation>
    </message>
</context>
<context>
    <name>FaqManual</name>
    <message>
        <source>Service manual</source>
        <translation>Service manual</translation>
    </message>
    <message>
        <source>Service manual: changes this month</source>
        <translation>Service manual: changes this month</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <source>Generated on:</source>
        <translation>Generated on:</translation>
    </message>
    <message>
        <source>Entries:</source>
        <translation>Entries:</translation>
    </message>
    <message>
        <source>Grouped by:</source>
        <translation>Grouped by:</translation>
    </message>
    <message>
        <source>system</source>
        <translation>system</translation>
    </message>
    <message>
        <source>category</source>
        <translation>category</translation>
    </message>
    <message>
        <source>New:</source>
        <translation>New:</translation>
    </message>
    <message>
        <source>Revised:</source>
        <translation>Revised:</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Update the field (F9) to show page numbers.</source>
        <translation>Update the field (F9) to show page numbers.</translation>
    </message>
    <message>
        <source>The manual has no entries.</source>
        <translation>The manual has no entries.</translation>
    </message>
    <message>
        <source>No entry was published or revised this month.</source>
        <translation>No entry was published or revised this month.</translation>
    </message>
    <message>
        <source>No system</source>
        <translation>No system</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>No category</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <source>Applies to:</source>
        <translation>Applies to:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>Author:</translation>
    </message>
    <message>
        <source>Reviewer:</source>
        <translation>Reviewer:</translation>
    </message>
    <message>
        <source>Revision:</source>
        <translation>Revision:</translation>
    </message>
    <message>
        <source>Published:</source>
        <translation>Published:</translation>
    </message>
    <message>
        <source>Change:</source>
        <translation>Change:</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Revised</source>
        <translation>Revised</translation>
    </message>
    <message>
        <source>Symptom</source>
        <translation>Symptom</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>Solution</translation>
    </message>
    <message>
        <source>Workaround</source>
        <translation>Workaround</translation>
    </message>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
</context>
<context>
    <name>FaqPage</name>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In review</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>created</source>
        <translation>created</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restored</translation>
    </message>
    <message>
        <source>submitted for review</source>
        <translation>submitted for review</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>returned</translation>
    </message>
    <message>
        <source>published</source>
        <translation>published</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>Handover</translation>
    </message>
    <message>
        <source>Symptom</source>
        <translation>Symptom</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>Solution</translation>
    </message>
    <message>
        <source>Workaround</source>
        <translation>Workaround</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>No differences.</translation>
    </message>
    <message>
        <source>Search questions, symptoms, causes, solutions, tags… (e.g. 备份 失败)</source>
        <translation>Search questions, symptoms, causes, solutions, tags… (e.g. 备份 失败)</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>All customers</translation>
    </message>
    <message>
        <source>All systems</source>
        <translation>All systems</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>All tags</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Any state</translation>
    </message>
    <message>
        <source>New entry…</source>
        <translation>New entry…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Submit for review</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>Revisions…</source>
        <translation>Revisions…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Uploads…</source>
        <translation>Uploads…</translation>
    </message>
    <message>
        <source>The manual&apos;s month-end uploads to the document system; export a month.</source>
        <translation>The manual&apos;s month-end uploads to the document system; export a month.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Customer / system</source>
        <translation>Customer / system</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>{by}, {at}</source>
        <translation>{by}, {at}</translation>
    </message>
    <message>
        <source>About the entry</source>
        <translation>About the entry</translation>
    </message>
    <message>
        <source>Returned because</source>
        <translation>Returned because</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>Reviewed by</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Linked by</source>
        <translation>Linked by</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Linked from</source>
        <translation>Linked from</translation>
    </message>
    <message>
        <source>Results: {count}</source>
        <translation>Results: {count}</translation>
    </message>
    <message>
        <source>{results}, the first {shown} shown</source>
        <translation>{results}, the first {shown} shown</translation>
    </message>
    <message>
        <source>Select an entry to read it.</source>
        <translation>Select an entry to read it.</translation>
    </message>
    <message>
        <source>{state} (revision {revision} is published)</source>
        <translation>{state} (revision {revision} is published)</translation>
    </message>
    <message>
        <source>all systems</source>
        <translation>all systems</translation>
    </message>
    <message>
        <source>revision {revision}</source>
        <translation>revision {revision}</translation>
    </message>
    <message>
        <source>Attachments ({count})</source>
        <translation>Attachments ({count})</translation>
    </message>
    <message>
        <source>Linked from ({count})</source>
        <translation>Linked from ({count})</translation>
    </message>
    <message>
        <source>Only engineers and the group leader write service manual entries.</source>
        <translation>Only engineers and the group leader write service manual entries.</translation>
    </message>
    <message>
        <source>Only the group leader reviews, publishes and returns entries.</source>
        <translation>Only the group leader reviews, publishes and returns entries.</translation>
    </message>
    <message>
        <source>Select an entry first.</source>
        <translation>Select an entry first.</translation>
    </message>
    <message>
        <source>Only a draft is submitted for review; this entry is {state}.</source>
        <translation>Only a draft is submitted for review; this entry is {state}.</translation>
    </message>
    <message>
        <source>Only an entry in review is published or returned.</source>
        <translation>Only an entry in review is published or returned.</translation>
    </message>
    <message>
        <source>This entry was published once: the manual&apos;s history keeps it. Edit it instead.</source>
        <translation>This entry was published once: the manual&apos;s history keeps it. Edit it instead.</translation>
    </message>
    <message>
        <source>The entry is loading…</source>
        <translation>The entry is loading…</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Show more</translation>
    </message>
    <message>
        <source>List the next {count} results too.</source>
        <translation>List the next {count} results too.</translation>
    </message>
    <message>
        <source>The group leader is reviewing this entry: it cannot be deleted now.</source>
        <translation>The group leader is reviewing this entry: it cannot be deleted now.</translation>
    </message>
    <message>
        <source>Only its author or the group leader deletes an entry.</source>
        <translation>Only its author or the group leader deletes an entry.</translation>
    </message>
    <message>
        <source>Write a new entry (a draft).</source>
        <translation>Write a new entry (a draft).</translation>
    </message>
    <message>
        <source>Change the entry; a published entry becomes a draft to review again.</source>
        <translation>Change the entry; a published entry becomes a draft to review again.</translation>
    </message>
    <message>
        <source>Ask the group leader to review the draft.</source>
        <translation>Ask the group leader to review the draft.</translation>
    </message>
    <message>
        <source>Approve the entry: this revision goes into the manual.</source>
        <translation>Approve the entry: this revision goes into the manual.</translation>
    </message>
    <message>
        <source>Send the entry back to its author with a comment.</source>
        <translation>Send the entry back to its author with a comment.</translation>
    </message>
    <message>
        <source>Every saved revision, what changed, and restoring an earlier one.</source>
        <translation>Every saved revision, what changed, and restoring an earlier one.</translation>
    </message>
    <message>
        <source>Delete a draft that was never published.</source>
        <translation>Delete a draft that was never published.</translation>
    </message>
    <message>
        <source>Select an attachment first.</source>
        <translation>Select an attachment first.</translation>
    </message>
    <message>
        <source>Save a copy of the attachment (checked against its SHA-256).</source>
        <translation>Save a copy of the attachment (checked against its SHA-256).</translation>
    </message>
    <message>
        <source>Delete entry {id}, {question}? It was never published; its revisions and attachments go with it.</source>
        <translation>Delete entry {id}, {question}? It was never published; its revisions and attachments go with it.</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Delete entry</translation>
    </message>
    <message>
        <source>Entry {id} was deleted.</source>
        <translation>Entry {id} was deleted.</translation>
    </message>
    <message>
        <source>Save a copy of {name}</source>
        <translation>Save a copy of {name}</translation>
    </message>
    <message>
        <source>Saving a copy of {name}…</source>
        <translation>Saving a copy of {name}…</translation>
    </message>
    <message>
        <source>Saved a copy: {path}</source>
        <translation>Saved a copy: {path}</translation>
    </message>
</context>
<context>
    <name>FinaliseDialog</name>
    <message>
        <source>Finalise the report</source>
        <translation>Finalise the report</translation>
    </message>
    <message>
        <source>Record why these hosts were not inspected:</source>
        <translation>Record why these hosts were not inspected:</translation>
    </message>
    <message>
        <source>Every host was inspected. Finalise the report?</source>
        <translation>Every host was inspected. Finalise the report?</translation>
    </message>
    <message>
        <source>Why {host} was not inspected</source>
        <translation>Why {host} was not inspected</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>e.g. quotation sent on 3 March, the customer decides in April</source>
        <translation>e.g. quotation sent on 3 March, the customer decides in April</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>space-separated, e.g. app db</source>
        <translation>space-separated, e.g. app db</translation>
    </message>
    <message>
        <source>Close this dialog and open the record again to reload it.</source>
        <translation>Close this dialog and open the record again to reload it.</translation>
    </message>
</context>
<context>
    <name>HandoverPackage</name>
    <message>
        <source>Requirements</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Deployment guide</source>
        <translation>Deployment guide</translation>
    </message>
    <message>
        <source>User manual</source>
        <translation>User manual</translation>
    </message>
    <message>
        <source>Source repository</source>
        <translation>Source repository</translation>
    </message>
    <message>
        <source>Database schema</source>
        <translation>Database schema</translation>
    </message>
    <message>
        <source>production</source>
        <translation>production</translation>
    </message>
    <message>
        <source>staging</source>
        <translation>staging</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>development</source>
        <translation>development</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>Handover package</source>
        <translation>Handover package</translation>
    </message>
    <message>
        <source>Draft for signature</source>
        <translation>Draft for signature</translation>
    </message>
    <message>
        <source>Signed, version {version}</source>
        <translation>Signed, version {version}</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>Contract number</translation>
    </message>
    <message>
        <source>Final acceptance</source>
        <translation>Final acceptance</translation>
    </message>
    <message>
        <source>After-sales group joins</source>
        <translation>After-sales group joins</translation>
    </message>
    <message>
        <source>Handover due</source>
        <translation>Handover due</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>Systems</translation>
    </message>
    <message>
        <source>{name} ({environment})</source>
        <translation>{name} ({environment})</translation>
    </message>
    <message>
        <source>Part 1. Technical materials</source>
        <translation>Part 1. Technical materials</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size or location</source>
        <translation>Size or location</translation>
    </message>
    <message>
        <source>SHA-256 (first {count})</source>
        <translation>SHA-256 (first {count})</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Part 2. Outstanding issues</source>
        <translation>Part 2. Outstanding issues</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Completion date</source>
        <translation>Completion date</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Part 3. External boundary</source>
        <translation>Part 3. External boundary</translation>
    </message>
    <message>
        <source>The company maintains</source>
        <translation>The company maintains</translation>
    </message>
    <message>
        <source>The customer does</source>
        <translation>The customer does</translation>
    </message>
    <message>
        <source>Maintenance period</source>
        <translation>Maintenance period</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>When maintenance expires</source>
        <translation>When maintenance expires</translation>
    </message>
    <message>
        <source>Part 4. Internal boundary</source>
        <translation>Part 4. Internal boundary</translation>
    </message>
    <message>
        <source>Work of after-sales</source>
        <translation>Work of after-sales</translation>
    </message>
    <message>
        <source>Work of the technical support departments</source>
        <translation>Work of the technical support departments</translation>
    </message>
    <message>
        <source>Frequently asked questions</source>
        <translation>Frequently asked questions</translation>
    </message>
    <message>
        <source>Question {number}:</source>
        <translation>Question {number}:</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Answer:</translation>
    </message>
    <message>
        <source>Emergency contacts</source>
        <translation>Emergency contacts</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Sign-off</translation>
    </message>
    <message>
        <source>By signing, both sides confirm the four parts above of the handover package of {project} ({customer}), and that the handover is complete.</source>
        <translation>By signing, both sides confirm the four parts above of the handover package of {project} ({customer}), and that the handover is complete.</translation>
    </message>
    <message>
        <source>Company (after-sales) signature:</source>
        <translation>Company (after-sales) signature:</translation>
    </message>
    <message>
        <source>Customer signature:</source>
        <translation>Customer signature:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>Signed for the company</source>
        <translation>Signed for the company</translation>
    </message>
    <message>
        <source>Signed for the customer</source>
        <translation>Signed for the customer</translation>
    </message>
    <message>
        <source>Scan of the signed paper</source>
        <translation>Scan of the signed paper</translation>
    </message>
    <message>
        <source>Reason for the amendment</source>
        <translation>Reason for the amendment</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>None recorded.</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>handover-package</source>
        <translation>handover-package</translation>
    </message>
</context>
<context>
    <name>HandoverPackageDialog</name>
    <message>
        <source>someone</source>
        <translation>someone</translation>
    </message>
    <message>
        <source>Parts 3 and 4 were saved by {user} after you opened them. Your text is still in the editors: copy what you need, press Revert to see theirs, then make your change again.</source>
        <translation>Parts 3 and 4 were saved by {user} after you opened them. Your text is still in the editors: copy what you need, press Revert to see theirs, then make your change again.</translation>
    </message>
    <message>
        <source>This FAQ entry was changed by {user} after you opened it. Close the dialog and open the entry again.</source>
        <translation>This FAQ entry was changed by {user} after you opened it. Close the dialog and open the entry again.</translation>
    </message>
    <message>
        <source>That entry no longer exists (someone removed it).</source>
        <translation>That entry no longer exists (someone removed it).</translation>
    </message>
</context>
<context>
    <name>HandoverPackageEditor</name>
    <message>
        <source>Signed and frozen — start an amendment to change it.</source>
        <translation>Signed and frozen — start an amendment to change it.</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator edit a handover package.</source>
        <translation>Only engineers, the group leader and the administrator edit a handover package.</translation>
    </message>
    <message>
        <source>✔ verified</source>
        <translation>✔ verified</translation>
    </message>
    <message>
        <source>✘ the frozen package was changed</source>
        <translation>✘ the frozen package was changed</translation>
    </message>
    <message>
        <source>✘ the scan was changed</source>
        <translation>✘ the scan was changed</translation>
    </message>
    <message>
        <source>✘ not in the audit chain</source>
        <translation>✘ not in the audit chain</translation>
    </message>
    <message>
        <source>✘ the audit chain is broken</source>
        <translation>✘ the audit chain is broken</translation>
    </message>
    <message>
        <source>✘ does not match its record</source>
        <translation>✘ does not match its record</translation>
    </message>
    <message>
        <source>1 Technical materials</source>
        <translation>1 Technical materials</translation>
    </message>
    <message>
        <source>3 External boundary</source>
        <translation>3 External boundary</translation>
    </message>
    <message>
        <source>4 Internal boundary</source>
        <translation>4 Internal boundary</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Sign-off</translation>
    </message>
    <message>
        <source>2 Outstanding issues</source>
        <translation>2 Outstanding issues</translation>
    </message>
    <message>
        <source>Select a project first.</source>
        <translation>Select a project first.</translation>
    </message>
    <message>
        <source>The package is loading…</source>
        <translation>The package is loading…</translation>
    </message>
    <message>
        <source>Amendment under way: {reason}</source>
        <translation>Amendment under way: {reason}</translation>
    </message>
    <message>
        <source>Missing: {missing}</source>
        <translation>Missing: {missing}</translation>
    </message>
    <message>
        <source>Nothing changed yet.</source>
        <translation>Nothing changed yet.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Save parts 3 and 4 of the package (both tabs).</source>
        <translation>Save parts 3 and 4 of the package (both tabs).</translation>
    </message>
    <message>
        <source>Throw away the changes and show the package as last saved.</source>
        <translation>Throw away the changes and show the package as last saved.</translation>
    </message>
    <message>
        <source>Parts 3 and 4 saved.</source>
        <translation>Parts 3 and 4 saved.</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <source>planned</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>joined</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>signed</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>{date} (planned)</source>
        <translation>{date} (planned)</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Signed on {date}</source>
        <translation>Signed on {date}</translation>
    </message>
    <message>
        <source>Late: due {days} days ago</source>
        <translation>Late: due {days} days ago</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>Due in {days} days</source>
        <translation>Due in {days} days</translation>
    </message>
    <message>
        <source>Late only</source>
        <translation>Late only</translation>
    </message>
    <message>
        <source>The group joined…</source>
        <translation>The group joined…</translation>
    </message>
    <message>
        <source>Handover started</source>
        <translation>Handover started</translation>
    </message>
    <message>
        <source>late</source>
        <translation>late</translation>
    </message>
    <message>
        <source>Handovers</source>
        <translation>Handovers</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>Acceptance</translation>
    </message>
    <message>
        <source>Group joins</source>
        <translation>Group joins</translation>
    </message>
    <message>
        <source>Handover due</source>
        <translation>Handover due</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>Joined on</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Outstanding issues</source>
        <translation>Outstanding issues</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Completion date</source>
        <translation>Completion date</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Add issue…</source>
        <translation>Add issue…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Close issue</source>
        <translation>Close issue</translation>
    </message>
    <message>
        <source>Late only ({count})</source>
        <translation>Late only ({count})</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Parts 3 and 4 of the package of {project} have changes that are not saved. Discard them?</source>
        <translation>Parts 3 and 4 of the package of {project} have changes that are not saved. Discard them?</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator keep a handover&apos;s outstanding issues.</source>
        <translation>Only engineers, the group leader and the administrator keep a handover&apos;s outstanding issues.</translation>
    </message>
    <message>
        <source>Select an issue first.</source>
        <translation>Select an issue first.</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Add an outstanding issue to the project.</source>
        <translation>Add an outstanding issue to the project.</translation>
    </message>
    <message>
        <source>Change the selected issue.</source>
        <translation>Change the selected issue.</translation>
    </message>
    <message>
        <source>Close the selected issue as done today.</source>
        <translation>Close the selected issue as done today.</translation>
    </message>
    <message>
        <source>Open the selected issue again.</source>
        <translation>Open the selected issue again.</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator record a handover&apos;s progress.</source>
        <translation>Only engineers, the group leader and the administrator record a handover&apos;s progress.</translation>
    </message>
    <message>
        <source>Select a project first.</source>
        <translation>Select a project first.</translation>
    </message>
    <message>
        <source>The group has already joined this project.</source>
        <translation>The group has already joined this project.</translation>
    </message>
    <message>
        <source>Record first that the group joined the project.</source>
        <translation>Record first that the group joined the project.</translation>
    </message>
    <message>
        <source>The handover has already started.</source>
        <translation>The handover has already started.</translation>
    </message>
    <message>
        <source>Record the day the after-sales group joined the project.</source>
        <translation>Record the day the after-sales group joined the project.</translation>
    </message>
    <message>
        <source>Record that the handover of the project has started.</source>
        <translation>Record that the handover of the project has started.</translation>
    </message>
</context>
<context>
    <name>HandoverTimeline</name>
    <message>
        <source>Group joins</source>
        <translation>Group joins</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>Acceptance</translation>
    </message>
    <message>
        <source>Handover due</source>
        <translation>Handover due</translation>
    </message>
    <message>
        <source>Select a project to see its handover timeline.</source>
        <translation>Select a project to see its handover timeline.</translation>
    </message>
    <message>
        <source>Today {date}</source>
        <translation>Today {date}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Earlier secrets of {name}</source>
        <translation>Earlier secrets of {name}</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation>Replaced by</translation>
    </message>
    <message>
        <source>No earlier secrets: it has never been changed.</source>
        <translation>No earlier secrets: it has never been changed.</translation>
    </message>
    <message>
        <source>Reveal…</source>
        <translation>Reveal…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Customer not contacted within a week of being added</source>
        <translation>Customer not contacted within a week of being added</translation>
    </message>
    <message>
        <source>Maintenance ends on {date}: warn sales</source>
        <translation>Maintenance ends on {date}: warn sales</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Concerning</source>
        <translation>Concerning</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Needs attention today ({today}): {count}</source>
        <translation>Needs attention today ({today}): {count}</translation>
    </message>
    <message>
        <source>Nothing needs attention today ({today}).</source>
        <translation>Nothing needs attention today ({today}).</translation>
    </message>
</context>
<context>
    <name>HostKeyDialog</name>
    <message>
        <source>Host key of {host}</source>
        <translation>Host key of {host}</translation>
    </message>
    <message>
        <source>The host key of {host} has CHANGED.
Accepted: {old}
Now: {new}
Accept the new key only after checking it with the customer (group leader).</source>
        <translation>The host key of {host} has CHANGED.
Accepted: {old}
Now: {new}
Accept the new key only after checking it with the customer (group leader).</translation>
    </message>
    <message>
        <source>{host} is not known yet. Its key fingerprint is
{fingerprint}
Compare it with the one on the server (ssh-keygen -lf) before accepting.</source>
        <translation>{host} is not known yet. Its key fingerprint is
{fingerprint}
Compare it with the one on the server (ssh-keygen -lf) before accepting.</translation>
    </message>
    <message>
        <source>Why the key changed (required)</source>
        <translation>Why the key changed (required)</translation>
    </message>
    <message>
        <source>Accept this key</source>
        <translation>Accept this key</translation>
    </message>
</context>
<context>
    <name>HostsPage</name>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Jump host</source>
        <translation>Jump host</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Credential</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Filter by customer, system, host, address or tag…</source>
        <translation>Filter by customer, system, host, address or tag…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>{count} hosts</source>
        <translation>{count} hosts</translation>
    </message>
    <message>
        <source>Delete host {name} ({address}) of {system}?</source>
        <translation>Delete host {name} ({address}) of {system}?</translation>
    </message>
    <message>
        <source>Delete host</source>
        <translation>Delete host</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critical</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>disk use</source>
        <translation>disk use</translation>
    </message>
    <message>
        <source>free inodes</source>
        <translation>free inodes</translation>
    </message>
    <message>
        <source>memory use</source>
        <translation>memory use</translation>
    </message>
    <message>
        <source>free swap</source>
        <translation>free swap</translation>
    </message>
    <message>
        <source>load per CPU</source>
        <translation>load per CPU</translation>
    </message>
    <message>
        <source>clock drift</source>
        <translation>clock drift</translation>
    </message>
    <message>
        <source>uptime</source>
        <translation>uptime</translation>
    </message>
    <message>
        <source>failed services</source>
        <translation>failed services</translation>
    </message>
    <message>
        <source>listening port</source>
        <translation>listening port</translation>
    </message>
    <message>
        <source>listening ports</source>
        <translation>listening ports</translation>
    </message>
    <message>
        <source>process</source>
        <translation>process</translation>
    </message>
    <message>
        <source>processes</source>
        <translation>processes</translation>
    </message>
    <message>
        <source>operating system</source>
        <translation>operating system</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>kernel</translation>
    </message>
    <message>
        <source>/etc/passwd checksum</source>
        <translation>/etc/passwd checksum</translation>
    </message>
    <message>
        <source>custom check</source>
        <translation>custom check</translation>
    </message>
    <message>
        <source>first inspection</source>
        <translation>first inspection</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>changed since last month</source>
        <translation>changed since last month</translation>
    </message>
    <message>
        <source>no systemd</source>
        <translation>no systemd</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source>due</source>
        <translation>due</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>final</source>
        <translation>final</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>Run selected</source>
        <translation>Run selected</translation>
    </message>
    <message>
        <source>Run all due</source>
        <translation>Run all due</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Host key…</source>
        <translation>Host key…</translation>
    </message>
    <message>
        <source>Evidence…</source>
        <translation>Evidence…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Checklist…</source>
        <translation>Checklist…</translation>
    </message>
    <message>
        <source>Finalise…</source>
        <translation>Finalise…</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>Systems under maintenance</source>
        <translation>Systems under maintenance</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Worst</source>
        <translation>Worst</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <source>inspected</source>
        <translation>inspected</translation>
    </message>
    <message>
        <source>Open the vault first: the hosts&apos; credentials are there.</source>
        <translation>Open the vault first: the hosts&apos; credentials are there.</translation>
    </message>
    <message>
        <source>Inspecting…</source>
        <translation>Inspecting…</translation>
    </message>
    <message>
        <source>Finished: {host}</source>
        <translation>Finished: {host}</translation>
    </message>
    <message>
        <source>{reached} of {hosts} hosts inspected.</source>
        <translation>{reached} of {hosts} hosts inspected.</translation>
    </message>
    <message>
        <source>Cancelled: finished hosts are kept.</source>
        <translation>Cancelled: finished hosts are kept.</translation>
    </message>
    <message>
        <source>Cancelling: running hosts stop within 2 s…</source>
        <translation>Cancelling: running hosts stop within 2 s…</translation>
    </message>
    <message>
        <source>Return the report</source>
        <translation>Return the report</translation>
    </message>
    <message>
        <source>What must be changed? (required)</source>
        <translation>What must be changed? (required)</translation>
    </message>
    <message>
        <source>Approved and filed: {files}</source>
        <translation>Approved and filed: {files}</translation>
    </message>
    <message>
        <source>Host key accepted</source>
        <translation>Host key accepted</translation>
    </message>
    <message>
        <source>The key of {host} is accepted. Run the inspection again.</source>
        <translation>The key of {host} is accepted. Run the inspection again.</translation>
    </message>
</context>
<context>
    <name>InspectionReport</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critical</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>disk use</source>
        <translation>disk use</translation>
    </message>
    <message>
        <source>free inodes</source>
        <translation>free inodes</translation>
    </message>
    <message>
        <source>memory use</source>
        <translation>memory use</translation>
    </message>
    <message>
        <source>free swap</source>
        <translation>free swap</translation>
    </message>
    <message>
        <source>load per CPU</source>
        <translation>load per CPU</translation>
    </message>
    <message>
        <source>clock drift</source>
        <translation>clock drift</translation>
    </message>
    <message>
        <source>uptime</source>
        <translation>uptime</translation>
    </message>
    <message>
        <source>failed services</source>
        <translation>failed services</translation>
    </message>
    <message>
        <source>listening port</source>
        <translation>listening port</translation>
    </message>
    <message>
        <source>listening ports</source>
        <translation>listening ports</translation>
    </message>
    <message>
        <source>process</source>
        <translation>process</translation>
    </message>
    <message>
        <source>processes</source>
        <translation>processes</translation>
    </message>
    <message>
        <source>operating system</source>
        <translation>operating system</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>kernel</translation>
    </message>
    <message>
        <source>/etc/passwd checksum</source>
        <translation>/etc/passwd checksum</translation>
    </message>
    <message>
        <source>custom check</source>
        <translation>custom check</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>final</source>
        <translation>final</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Inspected by</source>
        <translation>Inspected by</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Finalised by</source>
        <translation>Finalised by</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>Reviewed by</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>screenshot</source>
        <translation>screenshot</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>Review comment</translation>
    </message>
    <message>
        <source>inspected {start} to {end}; host key {fingerprint}; evidence {sha}</source>
        <translation>inspected {start} to {end}; host key {fingerprint}; evidence {sha}</translation>
    </message>
    <message>
        <source>not inspected ({outcome}): {reason}; evidence {sha}</source>
        <translation>not inspected ({outcome}): {reason}; evidence {sha}</translation>
    </message>
    <message>
        <source>Backups (R3.3)</source>
        <translation>Backups (R3.3)</translation>
    </message>
    <message>
        <source>Backup job</source>
        <translation>Backup job</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>recoverable</source>
        <translation>recoverable</translation>
    </message>
    <message>
        <source>failed: {problems}</source>
        <translation>failed: {problems}</translation>
    </message>
    <message>
        <source>not checked this month</source>
        <translation>not checked this month</translation>
    </message>
    <message>
        <source>No backup job is recorded for this system.</source>
        <translation>No backup job is recorded for this system.</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>could not be read</translation>
    </message>
    <message>
        <source>no backups</source>
        <translation>no backups</translation>
    </message>
    <message>
        <source>newest too old</source>
        <translation>newest too old</translation>
    </message>
    <message>
        <source>less than 60 days kept</source>
        <translation>less than 60 days kept</translation>
    </message>
    <message>
        <source>gaps</source>
        <translation>gaps</translation>
    </message>
    <message>
        <source>newest much smaller</source>
        <translation>newest much smaller</translation>
    </message>
    <message>
        <source>check failed</source>
        <translation>check failed</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Monthly inspection report</source>
        <translation>Monthly inspection report</translation>
    </message>
    <message>
        <source>Manual checklist (ticked by hand)</source>
        <translation>Manual checklist (ticked by hand)</translation>
    </message>
    <message>
        <source>Findings and follow-ups</source>
        <translation>Findings and follow-ups</translation>
    </message>
    <message>
        <source>Nothing to follow up.</source>
        <translation>Nothing to follow up.</translation>
    </message>
</context>
<context>
    <name>InspectionSettingsDialog</name>
    <message>
        <source>Inspection settings of {system}</source>
        <translation>Inspection settings of {system}</translation>
    </message>
    <message>
        <source>e.g. 22, 443, 5432</source>
        <translation>e.g. 22, 443, 5432</translation>
    </message>
    <message>
        <source>e.g. sshd, java, postgres</source>
        <translation>e.g. sshd, java, postgres</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>Exit status (empty: any)</source>
        <translation>Exit status (empty: any)</translation>
    </message>
    <message>
        <source>Output must match (regular expression)</source>
        <translation>Output must match (regular expression)</translation>
    </message>
    <message>
        <source>Item, ticked by hand</source>
        <translation>Item, ticked by hand</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Custom commands</source>
        <translation>Custom commands</translation>
    </message>
    <message>
        <source>Manual checklist</source>
        <translation>Manual checklist</translation>
    </message>
</context>
<context>
    <name>InternalBoundaryTab</name>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Link an entry…</source>
        <translation>Link an entry…</translation>
    </message>
    <message>
        <source>Unlink…</source>
        <translation>Unlink…</translation>
    </message>
    <message>
        <source>On sign-off the questions above become draft manual entries, linked here. Links are not part of the signed package: they can change at any time.</source>
        <translation>On sign-off the questions above become draft manual entries, linked here. Links are not part of the signed package: they can change at any time.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>The customer&apos;s contacts marked as emergency contacts. Change them on the Customers page.</source>
        <translation>The customer&apos;s contacts marked as emergency contacts. Change them on the Customers page.</translation>
    </message>
    <message>
        <source>Work of after-sales</source>
        <translation>Work of after-sales</translation>
    </message>
    <message>
        <source>Work of the technical support departments</source>
        <translation>Work of the technical support departments</translation>
    </message>
    <message>
        <source>Frequently asked questions</source>
        <translation>Frequently asked questions</translation>
    </message>
    <message>
        <source>Service manual entries</source>
        <translation>Service manual entries</translation>
    </message>
    <message>
        <source>Emergency contacts</source>
        <translation>Emergency contacts</translation>
    </message>
    <message>
        <source>Select a question first.</source>
        <translation>Select a question first.</translation>
    </message>
    <message>
        <source>Add a question and its answer.</source>
        <translation>Add a question and its answer.</translation>
    </message>
    <message>
        <source>Change the selected question.</source>
        <translation>Change the selected question.</translation>
    </message>
    <message>
        <source>Delete the selected question.</source>
        <translation>Delete the selected question.</translation>
    </message>
    <message>
        <source>Select an entry first.</source>
        <translation>Select an entry first.</translation>
    </message>
    <message>
        <source>Link an entry of the service manual to this handover.</source>
        <translation>Link an entry of the service manual to this handover.</translation>
    </message>
    <message>
        <source>Unlink the selected entry; the entry stays in the manual.</source>
        <translation>Unlink the selected entry; the entry stays in the manual.</translation>
    </message>
    <message>
        <source>Only engineers, the group leader and the administrator link service manual entries.</source>
        <translation>Only engineers, the group leader and the administrator link service manual entries.</translation>
    </message>
    <message>
        <source>Delete the question “{question}” and its answer?</source>
        <translation>Delete the question “{question}” and its answer?</translation>
    </message>
    <message>
        <source>Delete question</source>
        <translation>Delete question</translation>
    </message>
    <message>
        <source>Unlink the service manual entry “{question}” from this handover? The entry itself stays in the manual.</source>
        <translation>Unlink the service manual entry “{question}” from this handover? The entry itself stays in the manual.</translation>
    </message>
    <message>
        <source>Unlink entry</source>
        <translation>Unlink entry</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>Add an issue</source>
        <translation>Add an issue</translation>
    </message>
    <message>
        <source>Edit the issue</source>
        <translation>Edit the issue</translation>
    </message>
    <message>
        <source>A person or a department</source>
        <translation>A person or a department</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Completion date</source>
        <translation>Completion date</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <source>New backup job</source>
        <translation>New backup job</translation>
    </message>
    <message>
        <source>Edit the backup job</source>
        <translation>Edit the backup job</translation>
    </message>
    <message>
        <source>e.g. nightly database dump</source>
        <translation>e.g. nightly database dump</translation>
    </message>
    <message>
        <source>e.g. *.sql.gz</source>
        <translation>e.g. *.sql.gz</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>(choose a credential)</source>
        <translation>(choose a credential)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Directory or repository</source>
        <translation>Directory or repository</translation>
    </message>
    <message>
        <source>Backup files</source>
        <translation>Backup files</translation>
    </message>
    <message>
        <source>Backup every</source>
        <translation>Backup every</translation>
    </message>
    <message>
        <source>Repository password</source>
        <translation>Repository password</translation>
    </message>
    <message>
        <source>The vault has no credentials yet: add the repository&apos;s password there.</source>
        <translation>The vault has no credentials yet: add the repository&apos;s password there.</translation>
    </message>
    <message>
        <source>A check lists the backups on the host over SSH (the host&apos;s vault credential), and needs {days} days of them without gaps (R3.3).</source>
        <translation>A check lists the backups on the host over SSH (the host&apos;s vault credential), and needs {days} days of them without gaps (R3.3).</translation>
    </message>
    <message>
        <source>(this system has no hosts: add one on the Hosts page)</source>
        <translation>(this system has no hosts: add one on the Hosts page)</translation>
    </message>
    <message>
        <source>e.g. /data/backup/files</source>
        <translation>e.g. /data/backup/files</translation>
    </message>
    <message>
        <source>e.g. /var/backups/postgresql</source>
        <translation>e.g. /var/backups/postgresql</translation>
    </message>
    <message>
        <source>e.g. /var/backups/mysql</source>
        <translation>e.g. /var/backups/mysql</translation>
    </message>
    <message>
        <source>e.g. /srv/restic/erp</source>
        <translation>e.g. /srv/restic/erp</translation>
    </message>
    <message>
        <source>e.g. /srv/borg/erp</source>
        <translation>e.g. /srv/borg/erp</translation>
    </message>
    <message>
        <source>A backup later than {late} h after the one before counts as missed.</source>
        <translation>A backup later than {late} h after the one before counts as missed.</translation>
    </message>
</context>
<context>
    <name>JoinedDialog</name>
    <message>
        <source>The group joined the project</source>
        <translation>The group joined the project</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Planned join date</source>
        <translation>Planned join date</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>Joined on</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <source>Reward ledger</source>
        <translation>Reward ledger</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>Rewards</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Save as XLSX…</source>
        <translation>Save as XLSX…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Rewards: {count}, {total} in all</source>
        <translation>Rewards: {count}, {total} in all</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <source>Save the ledger</source>
        <translation>Save the ledger</translation>
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
        <translation>Today</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>Handover</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Service manual</source>
        <translation>Service manual</translation>
    </message>
    <message>
        <source>Optimisation report</source>
        <translation>Optimisation report</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Vault</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Team settings…</source>
        <translation>&amp;Team settings…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About SupportDesk…</source>
        <translation>&amp;About SupportDesk…</translation>
    </message>
    <message>
        <source>Database: {db}</source>
        <translation>Database: {db}</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>&amp;This computer…</source>
        <translation>&amp;This computer…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>Signed in: {name} ({role})</translation>
    </message>
    <message>
        <source>Signed in: unknown user (read only)</source>
        <translation>Signed in: unknown user (read only)</translation>
    </message>
    <message>
        <source>Only the group leader changes how reminders are delivered.</source>
        <translation>Only the group leader changes how reminders are delivered.</translation>
    </message>
    <message>
        <source>Reminders ({count})</source>
        <translation>Reminders ({count})</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Projects and systems</source>
        <translation>Projects and systems</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Maintenance contracts</source>
        <translation>Maintenance contracts</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
</context>
<context>
    <name>MaintenancePeriod</name>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>No period yet.</source>
        <translation>No period yet.</translation>
    </message>
</context>
<context>
    <name>ManualExportDialog</name>
    <message>
        <source>Export the service manual</source>
        <translation>Export the service manual</translation>
    </message>
    <message>
        <source>Word document (DOCX)</source>
        <translation>Word document (DOCX)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
</context>
<context>
    <name>MaterialDialog</name>
    <message>
        <source>Add a file to the package</source>
        <translation>Add a file to the package</translation>
    </message>
    <message>
        <source>Add a location to the package</source>
        <translation>Add a location to the package</translation>
    </message>
    <message>
        <source>e.g. https://git.example.com/team/app.git at commit 3f9c2e1</source>
        <translation>e.g. https://git.example.com/team/app.git at commit 3f9c2e1</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>MaterialsTab</name>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size or location</source>
        <translation>Size or location</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Added by</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Add file…</translation>
    </message>
    <message>
        <source>Add location…</source>
        <translation>Add location…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <source>Required, still empty: {categories}</source>
        <translation>Required, still empty: {categories}</translation>
    </message>
    <message>
        <source>✔ Every required category has a material.</source>
        <translation>✔ Every required category has a material.</translation>
    </message>
    <message>
        <source>Add a document or file of the project; it is kept by its SHA-256.</source>
        <translation>Add a document or file of the project; it is kept by its SHA-256.</translation>
    </message>
    <message>
        <source>Record where something lives that is not a file to hand over, such as a repository URL and commit.</source>
        <translation>Record where something lives that is not a file to hand over, such as a repository URL and commit.</translation>
    </message>
    <message>
        <source>Select a material first.</source>
        <translation>Select a material first.</translation>
    </message>
    <message>
        <source>Remove the selected material from the package.</source>
        <translation>Remove the selected material from the package.</translation>
    </message>
    <message>
        <source>This material is a location: there is no file to save.</source>
        <translation>This material is a location: there is no file to save.</translation>
    </message>
    <message>
        <source>Save the stored file somewhere.</source>
        <translation>Save the stored file somewhere.</translation>
    </message>
    <message>
        <source>Add a file to the package</source>
        <translation>Add a file to the package</translation>
    </message>
    <message>
        <source>Added {name}.</source>
        <translation>Added {name}.</translation>
    </message>
    <message>
        <source>Remove {name} ({category}) from the handover package?</source>
        <translation>Remove {name} ({category}) from the handover package?</translation>
    </message>
    <message>
        <source>Remove material</source>
        <translation>Remove material</translation>
    </message>
    <message>
        <source>Save a copy of {name}</source>
        <translation>Save a copy of {name}</translation>
    </message>
    <message>
        <source>Saving a copy of {name}…</source>
        <translation>Saving a copy of {name}…</translation>
    </message>
    <message>
        <source>Saved a copy: {path}</source>
        <translation>Saved a copy: {path}</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <source>Tell the customer</source>
        <translation>Tell the customer</translation>
    </message>
    <message>
        <source>By phone or in person</source>
        <translation>By phone or in person</translation>
    </message>
    <message>
        <source>By mail from SupportDesk</source>
        <translation>By mail from SupportDesk</translation>
    </message>
    <message>
        <source>What the customer is told:</source>
        <translation>What the customer is told:</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Possible impact</source>
        <translation>Possible impact</translation>
    </message>
    <message>
        <source>e.g. Wang, head of the information centre</source>
        <translation>e.g. Wang, head of the information centre</translation>
    </message>
    <message>
        <source>e.g. agreed to Saturday night</source>
        <translation>e.g. agreed to Saturday night</translation>
    </message>
    <message>
        <source>Who was told</source>
        <translation>Who was told</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>one e-mail address per line</source>
        <translation>one e-mail address per line</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Send to</translation>
    </message>
    <message>
        <source>The mail is queued and sent by the next delivery. The notice counts once the mail server has accepted every copy.</source>
        <translation>The mail is queued and sent by the next delivery. The notice counts once the mail server has accepted every copy.</translation>
    </message>
</context>
<context>
    <name>OptimisationPage</name>
    <message>
        <source>bug</source>
        <translation>bug</translation>
    </message>
    <message>
        <source>performance</source>
        <translation>performance</translation>
    </message>
    <message>
        <source>security</source>
        <translation>security</translation>
    </message>
    <message>
        <source>operations</source>
        <translation>operations</translation>
    </message>
    <message>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <source>(whole project)</source>
        <translation>(whole project)</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Bug or problem</source>
        <translation>Bug or problem</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Responsible department</source>
        <translation>Responsible department</translation>
    </message>
    <message>
        <source>Suggested completion date</source>
        <translation>Suggested completion date</translation>
    </message>
    <message>
        <source>Measure for next month</source>
        <translation>Measure for next month</translation>
    </message>
    <message>
        <source>New item of {month}</source>
        <translation>New item of {month}</translation>
    </message>
    <message>
        <source>Item {id}</source>
        <translation>Item {id}</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>submitted</translation>
    </message>
    <message>
        <source>reviewed by the sales director</source>
        <translation>reviewed by the sales director</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>returned</translation>
    </message>
    <message>
        <source>inspection finding</source>
        <translation>inspection finding</translation>
    </message>
    <message>
        <source>backup check</source>
        <translation>backup check</translation>
    </message>
    <message>
        <source>change without notice</source>
        <translation>change without notice</translation>
    </message>
    <message>
        <source>handover issue</source>
        <translation>handover issue</translation>
    </message>
    <message>
        <source>the group&apos;s own</source>
        <translation>the group&apos;s own</translation>
    </message>
    <message>
        <source>carried over</source>
        <translation>carried over</translation>
    </message>
    <message>
        <source>closed {date}</source>
        <translation>closed {date}</translation>
    </message>
    <message>
        <source>overdue, since {month}</source>
        <translation>overdue, since {month}</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>another desktop or the agent is sending them right now</source>
        <translation>another desktop or the agent is sending them right now</translation>
    </message>
    <message>
        <source>no ZenTao execution is set for its project (team settings)</source>
        <translation>no ZenTao execution is set for its project (team settings)</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>Rewards</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Approval</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>Customer / project</source>
        <translation>Customer / project</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>ZenTao task</source>
        <translation>ZenTao task</translation>
    </message>
    <message>
        <source>Draft from this month</source>
        <translation>Draft from this month</translation>
    </message>
    <message>
        <source>Collect the month&apos;s warning and critical findings, failed backup checks, changes without notice, open handover issues and unfinished items</source>
        <translation>Collect the month&apos;s warning and critical findings, failed backup checks, changes without notice, open handover issues and unfinished items</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>Add item…</translation>
    </message>
    <message>
        <source>Edit item…</source>
        <translation>Edit item…</translation>
    </message>
    <message>
        <source>Close item</source>
        <translation>Close item</translation>
    </message>
    <message>
        <source>Open in ZenTao</source>
        <translation>Open in ZenTao</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Word (DOCX)…</source>
        <translation>Word (DOCX)…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Excel (XLSX)…</source>
        <translation>Excel (XLSX)…</translation>
    </message>
    <message>
        <source>Send to ZenTao</source>
        <translation>Send to ZenTao</translation>
    </message>
    <message>
        <source>Save import sheet…</source>
        <translation>Save import sheet…</translation>
    </message>
    <message>
        <source>The waiting measures in ZenTao&apos;s task-import layout</source>
        <translation>The waiting measures in ZenTao&apos;s task-import layout</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>Closed in time</source>
        <translation>Closed in time</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>{month}: no report yet</source>
        <translation>{month}: no report yet</translation>
    </message>
    <message>
        <source>The group leader drafts the report from what the month left behind, then adds the group&apos;s own items.</source>
        <translation>The group leader drafts the report from what the month left behind, then adds the group&apos;s own items.</translation>
    </message>
    <message>
        <source>The report has no items yet.</source>
        <translation>The report has no items yet.</translation>
    </message>
    <message>
        <source>{month}: {state}</source>
        <translation>{month}: {state}</translation>
    </message>
    <message>
        <source>waiting for the {role}</source>
        <translation>waiting for the {role}</translation>
    </message>
    <message>
        <source>Returned by {who} on {when}: {comment}</source>
        <translation>Returned by {who} on {when}: {comment}</translation>
    </message>
    <message>
        <source>waits</source>
        <translation>waits</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} to {last}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Draft the report first.</source>
        <translation>Draft the report first.</translation>
    </message>
    <message>
        <source>Select an item.</source>
        <translation>Select an item.</translation>
    </message>
    <message>
        <source>The item&apos;s measure is not in ZenTao.</source>
        <translation>The item&apos;s measure is not in ZenTao.</translation>
    </message>
    <message>
        <source>No measure waits for ZenTao.</source>
        <translation>No measure waits for ZenTao.</translation>
    </message>
    <message>
        <source>The group leader sends the measures to ZenTao.</source>
        <translation>The group leader sends the measures to ZenTao.</translation>
    </message>
    <message>
        <source>Only the group leader writes the report.</source>
        <translation>Only the group leader writes the report.</translation>
    </message>
    <message>
        <source>The report is approved and frozen.</source>
        <translation>The report is approved and frozen.</translation>
    </message>
    <message>
        <source>The report is under review: only a draft is changed.</source>
        <translation>The report is under review: only a draft is changed.</translation>
    </message>
    <message>
        <source>The report was submitted.</source>
        <translation>The report was submitted.</translation>
    </message>
    <message>
        <source>The report has no items to submit.</source>
        <translation>The report has no items to submit.</translation>
    </message>
    <message>
        <source>The group leader submits the report first.</source>
        <translation>The group leader submits the report first.</translation>
    </message>
    <message>
        <source>The report waits for the {role}.</source>
        <translation>The report waits for the {role}.</translation>
    </message>
    <message>
        <source>Draft the report</source>
        <translation>Draft the report</translation>
    </message>
    <message>
        <source>Add what is new</source>
        <translation>Add what is new</translation>
    </message>
    <message>
        <source>Reopen item</source>
        <translation>Reopen item</translation>
    </message>
    <message>
        <source>{count} measures of the approved report are not in ZenTao yet.</source>
        <translation>{count} measures of the approved report are not in ZenTao yet.</translation>
    </message>
    <message>
        <source>Drafted.</source>
        <translation>Drafted.</translation>
    </message>
    <message>
        <source>Item closed.</source>
        <translation>Item closed.</translation>
    </message>
    <message>
        <source>Item reopened.</source>
        <translation>Item reopened.</translation>
    </message>
    <message>
        <source>Submitted to the sales director.</source>
        <translation>Submitted to the sales director.</translation>
    </message>
    <message>
        <source>Approved: the report goes on to the management committee.</source>
        <translation>Approved: the report goes on to the management committee.</translation>
    </message>
    <message>
        <source>Approved: the report is frozen.</source>
        <translation>Approved: the report is frozen.</translation>
    </message>
    <message>
        <source>Filed: {files}</source>
        <translation>Filed: {files}</translation>
    </message>
    <message>
        <source>Return the report of {month}</source>
        <translation>Return the report of {month}</translation>
    </message>
    <message>
        <source>The report goes back to the group leader as a draft, with your comment.</source>
        <translation>The report goes back to the group leader as a draft, with your comment.</translation>
    </message>
    <message>
        <source>Returned to the group.</source>
        <translation>Returned to the group.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Export the report</translation>
    </message>
    <message>
        <source>Sending the measures to ZenTao…</source>
        <translation>Sending the measures to ZenTao…</translation>
    </message>
    <message>
        <source>ZenTao refused the login last time. Check the account and its password credential in the team settings first: ZenTao locks an account after a few failed logins. Send now?</source>
        <translation>ZenTao refused the login last time. Check the account and its password credential in the team settings first: ZenTao locks an account after a few failed logins. Send now?</translation>
    </message>
    <message>
        <source>The measures wait: ZenTao is not set in the team settings, or its password is in the vault, which is locked here. Open the vault and send them, or save the import sheet.</source>
        <translation>The measures wait: ZenTao is not set in the team settings, or its password is in the vault, which is locked here. Open the vault and send them, or save the import sheet.</translation>
    </message>
    <message>
        <source>{pushed} measures are ZenTao tasks now; {queued} wait.</source>
        <translation>{pushed} measures are ZenTao tasks now; {queued} wait.</translation>
    </message>
    <message>
        <source>ZenTao import sheet</source>
        <translation>ZenTao import sheet</translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <source>no backup job</source>
        <translation>no backup job</translation>
    </message>
    <message>
        <source>✘ {failing} of {jobs} failing</source>
        <translation>✘ {failing} of {jobs} failing</translation>
    </message>
    <message>
        <source>⚠ {count} not checked for a week</source>
        <translation>⚠ {count} not checked for a week</translation>
    </message>
    <message>
        <source>✔ {jobs} recoverable</source>
        <translation>✔ {jobs} recoverable</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>Contract number</translation>
    </message>
    <message>
        <source>Planned acceptance</source>
        <translation>Planned acceptance</translation>
    </message>
    <message>
        <source>Final acceptance</source>
        <translation>Final acceptance</translation>
    </message>
    <message>
        <source>Systems of the selected project</source>
        <translation>Systems of the selected project</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environment</translation>
    </message>
    <message>
        <source>Under maintenance</source>
        <translation>Under maintenance</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Delete project {name} of {customer} with all its systems, hosts and contracts?</source>
        <translation>Delete project {name} of {customer} with all its systems, hosts and contracts?</translation>
    </message>
    <message>
        <source>Delete project</source>
        <translation>Delete project</translation>
    </message>
    <message>
        <source>Delete system {name} with its hosts and contracts?</source>
        <translation>Delete system {name} with its hosts and contracts?</translation>
    </message>
    <message>
        <source>Delete system</source>
        <translation>Delete system</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Why do you need the secret of {name}? (required)</source>
        <translation>Why do you need the secret of {name}? (required)</translation>
    </message>
    <message>
        <source>Why do you need the secret of {name}? (optional)</source>
        <translation>Why do you need the secret of {name}? (optional)</translation>
    </message>
    <message>
        <source>e.g. monthly inspection, ticket number</source>
        <translation>e.g. monthly inspection, ticket number</translation>
    </message>
    <message>
        <source>Who, which secret, when and why are recorded in the audit log.</source>
        <translation>Who, which secret, when and why are recorded in the audit log.</translation>
    </message>
</context>
<context>
    <name>RegistryDialog</name>
    <message>
        <source>(nobody)</source>
        <translation>(nobody)</translation>
    </message>
    <message>
        <source>production</source>
        <translation>production</translation>
    </message>
    <message>
        <source>staging</source>
        <translation>staging</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>development</source>
        <translation>development</translation>
    </message>
    <message>
        <source>free</source>
        <translation>free</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Responsible engineer</source>
        <translation>Responsible engineer</translation>
    </message>
    <message>
        <source>First contacted on</source>
        <translation>First contacted on</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>Edit customer</translation>
    </message>
    <message>
        <source>Role / department</source>
        <translation>Role / department</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Emergency contact</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Edit contact</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>Contract number</translation>
    </message>
    <message>
        <source>Planned final acceptance</source>
        <translation>Planned final acceptance</translation>
    </message>
    <message>
        <source>Actual final acceptance</source>
        <translation>Actual final acceptance</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>Edit project</source>
        <translation>Edit project</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environment</translation>
    </message>
    <message>
        <source>Under maintenance</source>
        <translation>Under maintenance</translation>
    </message>
    <message>
        <source>New system</source>
        <translation>New system</translation>
    </message>
    <message>
        <source>Edit system</source>
        <translation>Edit system</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>SSH port</source>
        <translation>SSH port</translation>
    </message>
    <message>
        <source>Login user</source>
        <translation>Login user</translation>
    </message>
    <message>
        <source>Jump host</source>
        <translation>Jump host</translation>
    </message>
    <message>
        <source>Vault credential</source>
        <translation>Vault credential</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>New host</source>
        <translation>New host</translation>
    </message>
    <message>
        <source>Edit host</source>
        <translation>Edit host</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>Salesperson</translation>
    </message>
    <message>
        <source>Notice period (months)</source>
        <translation>Notice period (months)</translation>
    </message>
    <message>
        <source>New maintenance contract</source>
        <translation>New maintenance contract</translation>
    </message>
    <message>
        <source>Edit maintenance contract</source>
        <translation>Edit maintenance contract</translation>
    </message>
</context>
<context>
    <name>ReminderLetter</name>
    <message>
        <source>Maintenance expiry notice</source>
        <translation>Maintenance expiry notice</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>The free maintenance period of {system} ({project}, {customer}) ends on {end}, {days} days from today.</source>
        <translation>The free maintenance period of {system} ({project}, {customer}) ends on {end}, {days} days from today.</translation>
    </message>
    <message>
        <source>Contract period</source>
        <translation>Contract period</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>Salesperson</translation>
    </message>
    <message>
        <source>not yet assigned — please assign a salesperson to follow up</source>
        <translation>not yet assigned — please assign a salesperson to follow up</translation>
    </message>
    <message>
        <source>Service delivered this period</source>
        <translation>Service delivered this period</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Open issues</source>
        <translation>Open issues</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>None recorded.</translation>
    </message>
    <message>
        <source>Please acknowledge this notice in SupportDesk and assign a salesperson to follow up the renewal with the customer.</source>
        <translation>Please acknowledge this notice in SupportDesk and assign a salesperson to follow up the renewal with the customer.</translation>
    </message>
    <message>
        <source>Please acknowledge this notice in SupportDesk and confirm the salesperson who follows up the renewal with the customer.</source>
        <translation>Please acknowledge this notice in SupportDesk and confirm the salesperson who follows up the renewal with the customer.</translation>
    </message>
    <message>
        <source>expiry-reminder</source>
        <translation>expiry-reminder</translation>
    </message>
</context>
<context>
    <name>ReminderMessage</name>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Maintenance ends in {days} days: {customer} {system}</source>
        <translation>Maintenance ends in {days} days: {customer} {system}</translation>
    </message>
    <message>
        <source>Salesperson: {name}</source>
        <translation>Salesperson: {name}</translation>
    </message>
    <message>
        <source>No salesperson is assigned yet: please assign one to follow up.</source>
        <translation>No salesperson is assigned yet: please assign one to follow up.</translation>
    </message>
    <message>
        <source>The free maintenance period of {system} ({project}, {customer}) ends on {end}, {days} days from today.</source>
        <translation>The free maintenance period of {system} ({project}, {customer}) ends on {end}, {days} days from today.</translation>
    </message>
    <message>
        <source>Contract period: {start} to {end}</source>
        <translation>Contract period: {start} to {end}</translation>
    </message>
    <message>
        <source>Please acknowledge reminder {ref} in SupportDesk and assign a salesperson (or: supportdesk reminders ack {id} --assign LOGIN).</source>
        <translation>Please acknowledge reminder {ref} in SupportDesk and assign a salesperson (or: supportdesk reminders ack {id} --assign LOGIN).</translation>
    </message>
    <message>
        <source>Inspection report missing for {period}: {customer} {system}</source>
        <translation>Inspection report missing for {period}: {customer} {system}</translation>
    </message>
    <message>
        <source>No inspection report was finalised for {system} ({customer}) in {period} (R2.3). Please inspect the system and finalise its report.</source>
        <translation>No inspection report was finalised for {system} ({customer}) in {period} (R2.3). Please inspect the system and finalise its report.</translation>
    </message>
    <message>
        <source>Credential to change with the customer: {name}</source>
        <translation>Credential to change with the customer: {name}</translation>
    </message>
    <message>
        <source>The credential {name} is marked rotation due (a handover finished or a member left). Change it with the customer and save the new secret in the vault.</source>
        <translation>The credential {name} is marked rotation due (a handover finished or a member left). Change it with the customer and save the new secret in the vault.</translation>
    </message>
    <message>
        <source>Handover: join {customer} {project} from {join}</source>
        <translation>Handover: join {customer} {project} from {join}</translation>
    </message>
    <message>
        <source>Final acceptance of {project} ({customer}) is on {acceptance}: the after-sales group joins from {join} and completes the handover by {due} (R1.1).</source>
        <translation>Final acceptance of {project} ({customer}) is on {acceptance}: the after-sales group joins from {join} and completes the handover by {due} (R1.1).</translation>
    </message>
    <message>
        <source>Handover due {due}: {customer} {project}</source>
        <translation>Handover due {due}: {customer} {project}</translation>
    </message>
    <message>
        <source>The handover of {project} ({customer}) must be signed by {due}, two weeks after acceptance on {acceptance} (R1.1).</source>
        <translation>The handover of {project} ({customer}) must be signed by {due}, two weeks after acceptance on {acceptance} (R1.1).</translation>
    </message>
    <message>
        <source>Backup check failed: {customer} {system} {job}</source>
        <translation>Backup check failed: {customer} {system} {job}</translation>
    </message>
    <message>
        <source>The backups of {system} ({customer}), job {job}, failed their check on {since}: {findings}. Data changed or lost within two months must stay restorable (R3.3): see the Backups page.</source>
        <translation>The backups of {system} ({customer}), job {job}, failed their check on {since}: {findings}. Data changed or lost within two months must stay restorable (R3.3): see the Backups page.</translation>
    </message>
    <message>
        <source>Backups not checked for a week: {customer} {system} {job}</source>
        <translation>Backups not checked for a week: {customer} {system} {job}</translation>
    </message>
    <message>
        <source>Nobody has checked the backups of {system} ({customer}), job {job}, since {since}. Run a backup check (R3.3).</source>
        <translation>Nobody has checked the backups of {system} ({customer}), job {job}, since {since}. Run a backup check (R3.3).</translation>
    </message>
    <message>
        <source>Optimisation report {month} waits for you</source>
        <translation>Optimisation report {month} waits for you</translation>
    </message>
    <message>
        <source>The optimisation report of {month} waits for your step: approve it, or return it with a comment (`supportdesk optimisation show --month {month}`, R2.4).</source>
        <translation>The optimisation report of {month} waits for your step: approve it, or return it with a comment (`supportdesk optimisation show --month {month}`, R2.4).</translation>
    </message>
    <message>
        <source>Reward application {reward} waits for you</source>
        <translation>Reward application {reward} waits for you</translation>
    </message>
    <message>
        <source>The reward for {person} ({amount} yuan, optimisation report {month}) waits for your step: approve it, or return it with a comment (`supportdesk reward list --month {month}`, R5.4).</source>
        <translation>The reward for {person} ({amount} yuan, optimisation report {month}) waits for your step: approve it, or return it with a comment (`supportdesk reward list --month {month}`, R5.4).</translation>
    </message>
    <message>
        <source>Optimisation report {month} not submitted</source>
        <translation>Optimisation report {month} not submitted</translation>
    </message>
    <message>
        <source>{month} has ended and its optimisation summary with next month&apos;s measures was not submitted (R2.4): `supportdesk optimisation draft --month {month}`.</source>
        <translation>{month} has ended and its optimisation summary with next month&apos;s measures was not submitted (R2.4): `supportdesk optimisation draft --month {month}`.</translation>
    </message>
    <message>
        <source>Service manual {month} not uploaded</source>
        <translation>Service manual {month} not uploaded</translation>
    </message>
    <message>
        <source>The month-end upload of the service manual for {month} to {target} failed ({error}). It is tried again every day; check the document system&apos;s settings and the Service manual page (R2.2).</source>
        <translation>The month-end upload of the service manual for {month} to {target} failed ({error}). It is tried again every day; check the document system&apos;s settings and the Service manual page (R2.2).</translation>
    </message>
    <message>
        <source>[Not acknowledged, reminder {step}] {subject}</source>
        <translation>[Not acknowledged, reminder {step}] {subject}</translation>
    </message>
    <message>
        <source>server unreachable</source>
        <translation>server unreachable</translation>
    </message>
    <message>
        <source>login refused</source>
        <translation>login refused</translation>
    </message>
    <message>
        <source>file refused</source>
        <translation>file refused</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>no answer in time</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>server error</translation>
    </message>
    <message>
        <source>not tried yet: no agent running, or the vault locked</source>
        <translation>not tried yet: no agent running, or the vault locked</translation>
    </message>
</context>
<context>
    <name>RemindersPage</name>
    <message>
        <source>not acknowledged</source>
        <translation>not acknowledged</translation>
    </message>
    <message>
        <source>following up</source>
        <translation>following up</translation>
    </message>
    <message>
        <source>renewed</source>
        <translation>renewed</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>lost</translation>
    </message>
    <message>
        <source>Maintenance period ends</source>
        <translation>Maintenance period ends</translation>
    </message>
    <message>
        <source>Inspection report overdue</source>
        <translation>Inspection report overdue</translation>
    </message>
    <message>
        <source>Credential to change</source>
        <translation>Credential to change</translation>
    </message>
    <message>
        <source>Handover: the group joins</source>
        <translation>Handover: the group joins</translation>
    </message>
    <message>
        <source>Handover due soon</source>
        <translation>Handover due soon</translation>
    </message>
    <message>
        <source>Backup problem</source>
        <translation>Backup problem</translation>
    </message>
    <message>
        <source>Service manual not uploaded</source>
        <translation>Service manual not uploaded</translation>
    </message>
    <message>
        <source>Optimisation report to review</source>
        <translation>Optimisation report to review</translation>
    </message>
    <message>
        <source>Optimisation report to approve</source>
        <translation>Optimisation report to approve</translation>
    </message>
    <message>
        <source>Optimisation report not submitted</source>
        <translation>Optimisation report not submitted</translation>
    </message>
    <message>
        <source>Reward to review</source>
        <translation>Reward to review</translation>
    </message>
    <message>
        <source>Reward to approve</source>
        <translation>Reward to approve</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>DingTalk robot</source>
        <translation>DingTalk robot</translation>
    </message>
    <message>
        <source>WeCom robot</source>
        <translation>WeCom robot</translation>
    </message>
    <message>
        <source>Feishu robot</source>
        <translation>Feishu robot</translation>
    </message>
    <message>
        <source>Maintenance ended on {end}</source>
        <translation>Maintenance ended on {end}</translation>
    </message>
    <message>
        <source>Maintenance ends on {end}, {days} days from today</source>
        <translation>Maintenance ends on {end}, {days} days from today</translation>
    </message>
    <message>
        <source>No inspection report finalised for {month}</source>
        <translation>No inspection report finalised for {month}</translation>
    </message>
    <message>
        <source>Change it with the customer, then save the new secret</source>
        <translation>Change it with the customer, then save the new secret</translation>
    </message>
    <message>
        <source>The group joins from {join}; acceptance on {acceptance}</source>
        <translation>The group joins from {join}; acceptance on {acceptance}</translation>
    </message>
    <message>
        <source>To be signed by {due}</source>
        <translation>To be signed by {due}</translation>
    </message>
    <message>
        <source>Backup check failed since {since}: {findings}</source>
        <translation>Backup check failed since {since}: {findings}</translation>
    </message>
    <message>
        <source>Backups not checked since {since}</source>
        <translation>Backups not checked since {since}</translation>
    </message>
    <message>
        <source>The {month} report waits for your step ({by} passed it on)</source>
        <translation>The {month} report waits for your step ({by} passed it on)</translation>
    </message>
    <message>
        <source>The reward for {person} ({amount} yuan) waits for your step</source>
        <translation>The reward for {person} ({amount} yuan) waits for your step</translation>
    </message>
    <message>
        <source>{month} ended without a submitted optimisation report</source>
        <translation>{month} ended without a submitted optimisation report</translation>
    </message>
    <message>
        <source>The {month} manual was not uploaded: {why}</source>
        <translation>The {month} manual was not uploaded: {why}</translation>
    </message>
    <message>
        <source>Acknowledge and assign</source>
        <translation>Acknowledge and assign</translation>
    </message>
    <message>
        <source>Record the follow-up</source>
        <translation>Record the follow-up</translation>
    </message>
    <message>
        <source>Customer copies</source>
        <translation>Customer copies</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>Open only</translation>
    </message>
    <message>
        <source>Acknowledge and assign…</source>
        <translation>Acknowledge and assign…</translation>
    </message>
    <message>
        <source>Record follow-up…</source>
        <translation>Record follow-up…</translation>
    </message>
    <message>
        <source>Customer copies…</source>
        <translation>Customer copies…</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>Ref.</source>
        <translation>Ref.</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>Salesperson</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Sent again</source>
        <translation>Sent again</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Contract period</source>
        <translation>Contract period</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Contract salesperson</source>
        <translation>Contract salesperson</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>Follow-up by</source>
        <translation>Follow-up by</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Next attempt</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>Try the selected messages again at the next delivery (all of them if none is selected), after fixing the settings.</source>
        <translation>Try the selected messages again at the next delivery (all of them if none is selected), after fixing the settings.</translation>
    </message>
    <message>
        <source>Delivery keeps failing on these messages. Check Settings → Reminders and delivery, then retry them.</source>
        <translation>Delivery keeps failing on these messages. Check Settings → Reminders and delivery, then retry them.</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <source>Delivery problems</source>
        <translation>Delivery problems</translation>
    </message>
    <message>
        <source>Select a message to read it.</source>
        <translation>Select a message to read it.</translation>
    </message>
    <message>
        <source>No messages: reminders go to the sales director and the group leader.</source>
        <translation>No messages: reminders go to the sales director and the group leader.</translation>
    </message>
    <message>
        <source>Inbox ({count} unread)</source>
        <translation>Inbox ({count} unread)</translation>
    </message>
    <message>
        <source>Delivery problems ({count})</source>
        <translation>Delivery problems ({count})</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>{name}, {at}</source>
        <translation>{name}, {at}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>{count} times</source>
        <translation>{count} times</translation>
    </message>
    <message>
        <source>Select a reminder to see its details.</source>
        <translation>Select a reminder to see its details.</translation>
    </message>
    <message>
        <source>Only the sales director acknowledges reminders and assigns them.</source>
        <translation>Only the sales director acknowledges reminders and assigns them.</translation>
    </message>
    <message>
        <source>Select a reminder first.</source>
        <translation>Select a reminder first.</translation>
    </message>
    <message>
        <source>Only maintenance expiry reminders are acknowledged and assigned.</source>
        <translation>Only maintenance expiry reminders are acknowledged and assigned.</translation>
    </message>
    <message>
        <source>Only the sales director or the assigned salesperson records the follow-up.</source>
        <translation>Only the sales director or the assigned salesperson records the follow-up.</translation>
    </message>
    <message>
        <source>Only maintenance expiry reminders are followed up.</source>
        <translation>Only maintenance expiry reminders are followed up.</translation>
    </message>
    <message>
        <source>This reminder is not assigned to you.</source>
        <translation>This reminder is not assigned to you.</translation>
    </message>
    <message>
        <source>Only the group leader decides who is copied on a customer&apos;s mails.</source>
        <translation>Only the group leader decides who is copied on a customer&apos;s mails.</translation>
    </message>
    <message>
        <source>Stop the reminder being sent again and assign a salesperson.</source>
        <translation>Stop the reminder being sent again and assign a salesperson.</translation>
    </message>
    <message>
        <source>Record whether the customer renewed.</source>
        <translation>Record whether the customer renewed.</translation>
    </message>
    <message>
        <source>Who else receives a customer&apos;s maintenance expiry mails.</source>
        <translation>Who else receives a customer&apos;s maintenance expiry mails.</translation>
    </message>
    <message>
        <source>{count} messages will be tried again at the next delivery.</source>
        <translation>{count} messages will be tried again at the next delivery.</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return entry {id}</source>
        <translation>Return entry {id}</translation>
    </message>
    <message>
        <source>What the author should change before it can be published</source>
        <translation>What the author should change before it can be published</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <source>Secret of {name}</source>
        <translation>Secret of {name}</translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation>Key passphrase:</translation>
    </message>
    <message>
        <source>Hides in {seconds} s</source>
        <translation>Hides in {seconds} s</translation>
    </message>
</context>
<context>
    <name>RevisionsDialog</name>
    <message>
        <source>Revisions of entry {id}</source>
        <translation>Revisions of entry {id}</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>At</source>
        <translation>At</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Restore this revision…</source>
        <translation>Restore this revision…</translation>
    </message>
    <message>
        <source>Select two revisions to compare them, or one to see what it changed. A restore makes that revision&apos;s text the current one, as a new draft.</source>
        <translation>Select two revisions to compare them, or one to see what it changed. A restore makes that revision&apos;s text the current one, as a new draft.</translation>
    </message>
    <message>
        <source>The first revision: there is nothing before it to compare.</source>
        <translation>The first revision: there is nothing before it to compare.</translation>
    </message>
    <message>
        <source>Changes from revision {old} to revision {new}:</source>
        <translation>Changes from revision {old} to revision {new}:</translation>
    </message>
    <message>
        <source>Only engineers and the group leader restore revisions.</source>
        <translation>Only engineers and the group leader restore revisions.</translation>
    </message>
    <message>
        <source>Select one revision to restore.</source>
        <translation>Select one revision to restore.</translation>
    </message>
    <message>
        <source>This is the current revision.</source>
        <translation>This is the current revision.</translation>
    </message>
    <message>
        <source>Make this revision&apos;s text the current one again (a new draft).</source>
        <translation>Make this revision&apos;s text the current one again (a new draft).</translation>
    </message>
    <message>
        <source>Restore revision</source>
        <translation>Restore revision</translation>
    </message>
    <message>
        <source>Make the text of revision {number} the current one? It is saved as a new revision and the entry becomes a draft to review again; nothing is lost.</source>
        <translation>Make the text of revision {number} the current one? It is saved as a new revision and the entry becomes a draft to review again; nothing is lost.</translation>
    </message>
    <message>
        <source>Revision {number} was restored as revision {new}.</source>
        <translation>Revision {number} was restored as revision {new}.</translation>
    </message>
</context>
<context>
    <name>RewardLedger</name>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Total (yuan)</source>
        <translation>Total (yuan)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Optimisation item</source>
        <translation>Optimisation item</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>Approved on</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>Rewards</translation>
    </message>
</context>
<context>
    <name>RewardsPanel</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>Optimisation</translation>
    </message>
    <message>
        <source>approved {date}</source>
        <translation>approved {date}</translation>
    </message>
    <message>
        <source>waits for the {role}</source>
        <translation>waits for the {role}</translation>
    </message>
    <message>
        <source>returned; {waits}</source>
        <translation>returned; {waits}</translation>
    </message>
    <message>
        <source>draft; {waits}</source>
        <translation>draft; {waits}</translation>
    </message>
    <message>
        <source>Who earns it</source>
        <translation>Who earns it</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>Evidence of the effect</source>
        <translation>Evidence of the effect</translation>
    </message>
    <message>
        <source>Proposed amount (yuan)</source>
        <translation>Proposed amount (yuan)</translation>
    </message>
    <message>
        <source>Apply for a reward ({month})</source>
        <translation>Apply for a reward ({month})</translation>
    </message>
    <message>
        <source>Reward {id}</source>
        <translation>Reward {id}</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>Apply…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>Ledger…</source>
        <translation>Ledger…</translation>
    </message>
    <message>
        <source>Evidence: {text}</source>
        <translation>Evidence: {text}</translation>
    </message>
    <message>
        <source>Returned by {who} on {when}: {comment}</source>
        <translation>Returned by {who} on {when}: {comment}</translation>
    </message>
    <message>
        <source>Only the group leader applies for a reward.</source>
        <translation>Only the group leader applies for a reward.</translation>
    </message>
    <message>
        <source>A reward is applied for from an approved report.</source>
        <translation>A reward is applied for from an approved report.</translation>
    </message>
    <message>
        <source>Select a reward.</source>
        <translation>Select a reward.</translation>
    </message>
    <message>
        <source>Only a draft is changed.</source>
        <translation>Only a draft is changed.</translation>
    </message>
    <message>
        <source>It was submitted once: the record stays.</source>
        <translation>It was submitted once: the record stays.</translation>
    </message>
    <message>
        <source>It does not wait for a review.</source>
        <translation>It does not wait for a review.</translation>
    </message>
    <message>
        <source>It waits for the {role}.</source>
        <translation>It waits for the {role}.</translation>
    </message>
    <message>
        <source>Submitted to the sales director.</source>
        <translation>Submitted to the sales director.</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>Approved.</translation>
    </message>
    <message>
        <source>Return reward {id}</source>
        <translation>Return reward {id}</translation>
    </message>
    <message>
        <source>The application goes back to the group leader, with your comment.</source>
        <translation>The application goes back to the group leader, with your comment.</translation>
    </message>
    <message>
        <source>Delete the application</source>
        <translation>Delete the application</translation>
    </message>
    <message>
        <source>Delete the reward application for {person}?</source>
        <translation>Delete the reward application for {person}?</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Deleted.</translation>
    </message>
</context>
<context>
    <name>SecretField</name>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>length </source>
        <translation>length </translation>
    </message>
    <message>
        <source>no look-alikes (0O1lI|)</source>
        <translation>no look-alikes (0O1lI|)</translation>
    </message>
    <message>
        <source>Key file…</source>
        <translation>Key file…</translation>
    </message>
    <message>
        <source>That file is not an OpenSSH private key.</source>
        <translation>That file is not an OpenSSH private key.</translation>
    </message>
    <message>
        <source>private key loaded from its file</source>
        <translation>private key loaded from its file</translation>
    </message>
    <message>
        <source>Key of {lines} lines</source>
        <translation>Key of {lines} lines</translation>
    </message>
    <message>
        <source>OpenSSH private key</source>
        <translation>OpenSSH private key</translation>
    </message>
    <message>
        <source>Choose at least one kind of character.</source>
        <translation>Choose at least one kind of character.</translation>
    </message>
    <message>
        <source>Strength: {level}</source>
        <translation>Strength: {level}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>empty: SQLite in the profile; or postgresql+psycopg://user@host:5432/supportdesk</source>
        <translation>empty: SQLite in the profile; or postgresql+psycopg://user@host:5432/supportdesk</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Interface and database</source>
        <translation>Interface and database</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation>Database URL</translation>
    </message>
    <message>
        <source>A team database password is never stored here: use a pgpass file. Language and database changes apply after a restart.</source>
        <translation>A team database password is never stored here: use a pgpass file. Language and database changes apply after a restart.</translation>
    </message>
    <message>
        <source>Document management</source>
        <translation>Document management</translation>
    </message>
    <message>
        <source>Document folder</source>
        <translation>Document folder</translation>
    </message>
    <message>
        <source>WebDAV URL</source>
        <translation>WebDAV URL</translation>
    </message>
    <message>
        <source>Credential vault</source>
        <translation>Credential vault</translation>
    </message>
    <message>
        <source>A reveal or copy must give a reason</source>
        <translation>A reveal or copy must give a reason</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Clear a copied secret after</source>
        <translation>Clear a copied secret after</translation>
    </message>
    <message>
        <source>Lock when idle for</source>
        <translation>Lock when idle for</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up a backup</source>
        <translation>Set up a backup</translation>
    </message>
    <message>
        <source>e.g. /opt/erp</source>
        <translation>e.g. /opt/erp</translation>
    </message>
    <message>
        <source>e.g. /data/backup</source>
        <translation>e.g. /data/backup</translation>
    </message>
    <message>
        <source>none: the application directory only</source>
        <translation>none: the application directory only</translation>
    </message>
    <message>
        <source>PostgreSQL (pg_dump)</source>
        <translation>PostgreSQL (pg_dump)</translation>
    </message>
    <message>
        <source>MySQL (mysqldump)</source>
        <translation>MySQL (mysqldump)</translation>
    </message>
    <message>
        <source>e.g. erp</source>
        <translation>e.g. erp</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Look again for the system&apos;s planned changes (after planning one).</source>
        <translation>Look again for the system&apos;s planned changes (after planning one).</translation>
    </message>
    <message>
        <source>Press “Show commands” to see exactly what will run on the host. Nothing runs before you have seen it.</source>
        <translation>Press “Show commands” to see exactly what will run on the host. Nothing runs before you have seen it.</translation>
    </message>
    <message>
        <source>Commands run on the host</source>
        <translation>Commands run on the host</translation>
    </message>
    <message>
        <source>The backup script they install</source>
        <translation>The backup script they install</translation>
    </message>
    <message>
        <source>Show commands</source>
        <translation>Show commands</translation>
    </message>
    <message>
        <source>Run on the host</source>
        <translation>Run on the host</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Application directory</source>
        <translation>Application directory</translation>
    </message>
    <message>
        <source>Backup directory</source>
        <translation>Backup directory</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>Database name</translation>
    </message>
    <message>
        <source>Days kept</source>
        <translation>Days kept</translation>
    </message>
    <message>
        <source>Runs every day at (host time)</source>
        <translation>Runs every day at (host time)</translation>
    </message>
    <message>
        <source>Under the change</source>
        <translation>Under the change</translation>
    </message>
    <message>
        <source>Every day the host archives the application directory and dumps the database into the backup directory with their checksums (SHA256SUMS), and removes those older than the days kept (R3.3 needs {days} days). The jobs that check them are added here.</source>
        <translation>Every day the host archives the application directory and dumps the database into the backup directory with their checksums (SHA256SUMS), and removes those older than the days kept (R3.3 needs {days} days). The jobs that check them are added here.</translation>
    </message>
    <message>
        <source>(this system has no hosts: add one on the Hosts page)</source>
        <translation>(this system has no hosts: add one on the Hosts page)</translation>
    </message>
    <message>
        <source>This system already has backup jobs: {names}.</source>
        <translation>This system already has backup jobs: {names}.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>(loading…)</source>
        <translation>(loading…)</translation>
    </message>
    <message>
        <source>{change} (the customer is not told yet)</source>
        <translation>{change} (the customer is not told yet)</translation>
    </message>
    <message>
        <source>(no planned change)</source>
        <translation>(no planned change)</translation>
    </message>
    <message>
        <source>This system has no planned change. Setting up a backup changes the customer&apos;s host: plan it on the Changes page (and tell the customer), then press Reload.</source>
        <translation>This system has no planned change. Setting up a backup changes the customer&apos;s host: plan it on the Changes page (and tell the customer), then press Reload.</translation>
    </message>
    <message>
        <source>The customer has not been told of this change yet: record the notice on the Changes page first (R3.2).</source>
        <translation>The customer has not been told of this change yet: record the notice on the Changes page first (R3.2).</translation>
    </message>
    <message>
        <source>This system has no host: add one on the Hosts page.</source>
        <translation>This system has no host: add one on the Hosts page.</translation>
    </message>
    <message>
        <source>Loading the system&apos;s planned changes…</source>
        <translation>Loading the system&apos;s planned changes…</translation>
    </message>
    <message>
        <source>Choose a planned change of this system (plan one on the Changes page).</source>
        <translation>Choose a planned change of this system (plan one on the Changes page).</translation>
    </message>
    <message>
        <source>Press “Show commands” first: only the commands shown are run.</source>
        <translation>Press “Show commands” first: only the commands shown are run.</translation>
    </message>
    <message>
        <source>Open the vault first (on the Vault page): the host&apos;s credential is there.</source>
        <translation>Open the vault first (on the Vault page): the host&apos;s credential is there.</translation>
    </message>
    <message>
        <source>Run the commands shown on the host, after you confirm.</source>
        <translation>Run the commands shown on the host, after you confirm.</translation>
    </message>
    <message>
        <source>{script}
# The crontab entry that runs it:
{cron}</source>
        <translation>{script}
# The crontab entry that runs it:
{cron}</translation>
    </message>
    <message>
        <source>Set up the backup</source>
        <translation>Set up the backup</translation>
    </message>
    <message>
        <source>Run the commands shown on {host}, under the change “{change}”?

They install {script} and a crontab entry that runs it every day at {hour}:00 (host time). The change is then recorded as executed, with the script archived, and the backup jobs that check it are added.</source>
        <translation>Run the commands shown on {host}, under the change “{change}”?

They install {script} and a crontab entry that runs it every day at {hour}:00 (host time). The change is then recorded as executed, with the script archived, and the backup jobs that check it are added.</translation>
    </message>
    <message>
        <source>Running the commands on {host}…</source>
        <translation>Running the commands on {host}…</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <source>Record the sign-off</source>
        <translation>Record the sign-off</translation>
    </message>
    <message>
        <source>e.g. after-sales: Zhang San; project team: Li Si</source>
        <translation>e.g. after-sales: Zhang San; project team: Li Si</translation>
    </message>
    <message>
        <source>no file chosen</source>
        <translation>no file chosen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Signs the amendment: {reason}</source>
        <translation>Signs the amendment: {reason}</translation>
    </message>
    <message>
        <source>Amendment</source>
        <translation>Amendment</translation>
    </message>
    <message>
        <source>Signed for the company</source>
        <translation>Signed for the company</translation>
    </message>
    <message>
        <source>Signed for the customer</source>
        <translation>Signed for the customer</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>Scan of the signed paper</source>
        <translation>Scan of the signed paper</translation>
    </message>
    <message>
        <source>Once recorded, the package is frozen as it stands now: later changes need an amendment, which is signed as the next version.</source>
        <translation>Once recorded, the package is frozen as it stands now: later changes need an amendment, which is signed as the next version.</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>SignOffTab</name>
    <message>
        <source>Record sign-off…</source>
        <translation>Record sign-off…</translation>
    </message>
    <message>
        <source>Start amendment…</source>
        <translation>Start amendment…</translation>
    </message>
    <message>
        <source>What the exports write: the package as it stands, or a signed version.</source>
        <translation>What the exports write: the package as it stands, or a signed version.</translation>
    </message>
    <message>
        <source>Export DOCX…</source>
        <translation>Export DOCX…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Signed versions</source>
        <translation>Signed versions</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>For the company</source>
        <translation>For the company</translation>
    </message>
    <message>
        <source>For the customer</source>
        <translation>For the customer</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Package SHA-256</source>
        <translation>Package SHA-256</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>Completeness</translation>
    </message>
    <message>
        <source>Signature and export</source>
        <translation>Signature and export</translation>
    </message>
    <message>
        <source>{count} of {total} still missing before the package can be signed.</source>
        <translation>{count} of {total} still missing before the package can be signed.</translation>
    </message>
    <message>
        <source>✔ The package is complete.</source>
        <translation>✔ The package is complete.</translation>
    </message>
    <message>
        <source>The package as it stands</source>
        <translation>The package as it stands</translation>
    </message>
    <message>
        <source>Version {version} (signed {date})</source>
        <translation>Version {version} (signed {date})</translation>
    </message>
    <message>
        <source>Record first that the handover has started.</source>
        <translation>Record first that the handover has started.</translation>
    </message>
    <message>
        <source>Already signed: start an amendment to change the package first.</source>
        <translation>Already signed: start an amendment to change the package first.</translation>
    </message>
    <message>
        <source>The package is not complete yet. Missing: {missing}</source>
        <translation>The package is not complete yet. Missing: {missing}</translation>
    </message>
    <message>
        <source>Only a signed package can be amended.</source>
        <translation>Only a signed package can be amended.</translation>
    </message>
    <message>
        <source>An amendment is already under way.</source>
        <translation>An amendment is already under way.</translation>
    </message>
    <message>
        <source>Record the signed paper: who signed, when, and its scan.</source>
        <translation>Record the signed paper: who signed, when, and its scan.</translation>
    </message>
    <message>
        <source>Open the signed package for changes; signing it again makes a new version.</source>
        <translation>Open the signed package for changes; signing it again makes a new version.</translation>
    </message>
    <message>
        <source>An export is under way.</source>
        <translation>An export is under way.</translation>
    </message>
    <message>
        <source>Save the package as a Word document.</source>
        <translation>Save the package as a Word document.</translation>
    </message>
    <message>
        <source>Save the package as a PDF.</source>
        <translation>Save the package as a PDF.</translation>
    </message>
    <message>
        <source>Version {version} signed and recorded: the package is frozen.</source>
        <translation>Version {version} signed and recorded: the package is frozen.</translation>
    </message>
    <message>
        <source>Amendment started: the package can be changed.</source>
        <translation>Amendment started: the package can be changed.</translation>
    </message>
    <message>
        <source>Export the handover package</source>
        <translation>Export the handover package</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>Exporting to {path}…</translation>
    </message>
    <message>
        <source>Exported: {path}</source>
        <translation>Exported: {path}</translation>
    </message>
</context>
<context>
    <name>TeamSettingsDialog</name>
    <message>
        <source>DingTalk</source>
        <translation>DingTalk</translation>
    </message>
    <message>
        <source>WeCom</source>
        <translation>WeCom</translation>
    </message>
    <message>
        <source>Feishu</source>
        <translation>Feishu</translation>
    </message>
    <message>
        <source>Reminders and delivery</source>
        <translation>Reminders and delivery</translation>
    </message>
    <message>
        <source>Passwords and signing secrets are never stored here: name the vault credential that holds each. Delivery from this computer needs the vault to be open; otherwise the messages wait for the agent or another desktop.</source>
        <translation>Passwords and signing secrets are never stored here: name the vault credential that holds each. Delivery from this computer needs the vault to be open; otherwise the messages wait for the agent or another desktop.</translation>
    </message>
    <message>
        <source>Team settings</source>
        <translation>Team settings</translation>
    </message>
    <message>
        <source>Service manual upload</source>
        <translation>Service manual upload</translation>
    </message>
    <message>
        <source>e.g. smtp.exmail.qq.com; empty: no e-mail</source>
        <translation>e.g. smtp.exmail.qq.com; empty: no e-mail</translation>
    </message>
    <message>
        <source>none (plain text)</source>
        <translation>none (plain text)</translation>
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
        <translation>empty: the server needs no login</translation>
    </message>
    <message>
        <source>empty: the password kept in the OS keyring</source>
        <translation>empty: the password kept in the OS keyring</translation>
    </message>
    <message>
        <source>Mail server (SMTP)</source>
        <translation>Mail server (SMTP)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Sender address</translation>
    </message>
    <message>
        <source>Password credential</source>
        <translation>Password credential</translation>
    </message>
    <message>
        <source>Chat group robots</source>
        <translation>Chat group robots</translation>
    </message>
    <message>
        <source>empty: messages are not signed</source>
        <translation>empty: messages are not signed</translation>
    </message>
    <message>
        <source>{robot} webhook</source>
        <translation>{robot} webhook</translation>
    </message>
    <message>
        <source>{robot} signing secret</source>
        <translation>{robot} signing secret</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source> times</source>
        <translation> times</translation>
    </message>
    <message>
        <source>Daily run</source>
        <translation>Daily run</translation>
    </message>
    <message>
        <source>Run the rules at</source>
        <translation>Run the rules at</translation>
    </message>
    <message>
        <source>Not acknowledged: send again every</source>
        <translation>Not acknowledged: send again every</translation>
    </message>
    <message>
        <source>Send again at most</source>
        <translation>Send again at most</translation>
    </message>
    <message>
        <source>Not uploaded</source>
        <translation>Not uploaded</translation>
    </message>
    <message>
        <source>A network share folder</source>
        <translation>A network share folder</translation>
    </message>
    <message>
        <source>A WebDAV document management system</source>
        <translation>A WebDAV document management system</translation>
    </message>
    <message>
        <source>e.g. {folder}</source>
        <translation>e.g. {folder}</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>e.g. https://dms.example.cn/dav/manual/</source>
        <translation>e.g. https://dms.example.cn/dav/manual/</translation>
    </message>
    <message>
        <source>empty: the server needs no password</source>
        <translation>empty: the server needs no password</translation>
    </message>
    <message>
        <source>By system</source>
        <translation>By system</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>By category</translation>
    </message>
    <message>
        <source>DOCX and PDF</source>
        <translation>DOCX and PDF</translation>
    </message>
    <message>
        <source>DOCX only</source>
        <translation>DOCX only</translation>
    </message>
    <message>
        <source>PDF only</source>
        <translation>PDF only</translation>
    </message>
    <message>
        <source>Upload to</source>
        <translation>Upload to</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>WebDAV URL</source>
        <translation>WebDAV URL</translation>
    </message>
    <message>
        <source>Group the entries</source>
        <translation>Group the entries</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <source>On the last day of each month the service manual and this month&apos;s changes are uploaded under month-stamped names, replacing files of the same name. The WebDAV password is a vault credential: the upload runs where the vault is open (the agent, or a desktop whose vault is open).</source>
        <translation>On the last day of each month the service manual and this month&apos;s changes are uploaded under month-stamped names, replacing files of the same name. The WebDAV password is a vault credential: the upload runs where the vault is open (the agent, or a desktop whose vault is open).</translation>
    </message>
    <message>
        <source>The folder the manual goes to</source>
        <translation>The folder the manual goes to</translation>
    </message>
    <message>
        <source>The name of a credential in the vault.</source>
        <translation>The name of a credential in the vault.</translation>
    </message>
    <message>
        <source>The name of a credential in the vault (the vault&apos;s list is not open to you).</source>
        <translation>The name of a credential in the vault (the vault&apos;s list is not open to you).</translation>
    </message>
</context>
<context>
    <name>UnreadNotifier</name>
    <message>
        <source>1 new reminder</source>
        <translation>1 new reminder</translation>
    </message>
    <message>
        <source>{count} new reminders</source>
        <translation>{count} new reminders</translation>
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
        <translation>Service manual</translation>
    </message>
    <message>
        <source>This month&apos;s changes</source>
        <translation>This month&apos;s changes</translation>
    </message>
    <message>
        <source>✔ OK</source>
        <translation>✔ OK</translation>
    </message>
    <message>
        <source>Service manual uploads</source>
        <translation>Service manual uploads</translation>
    </message>
    <message>
        <source>At month end the service manual and this month&apos;s changes go to the document management system of the team settings. Each file sent, or the reason it was not, is listed here.</source>
        <translation>At month end the service manual and this month&apos;s changes go to the document management system of the team settings. Each file sent, or the reason it was not, is listed here.</translation>
    </message>
    <message>
        <source>Upload now</source>
        <translation>Upload now</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>Cancel upload</translation>
    </message>
    <message>
        <source>Stop after the file being sent; what was sent stays recorded.</source>
        <translation>Stop after the file being sent; what was sent stays recorded.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>No document management system is configured: choose one in Settings → Team settings → Service manual upload.</source>
        <translation>No document management system is configured: choose one in Settings → Team settings → Service manual upload.</translation>
    </message>
    <message>
        <source>The window closes once the file being sent has gone…</source>
        <translation>The window closes once the file being sent has gone…</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>The uploads are loading…</source>
        <translation>The uploads are loading…</translation>
    </message>
    <message>
        <source>Only the group leader and the administrator upload the service manual.</source>
        <translation>Only the group leader and the administrator upload the service manual.</translation>
    </message>
    <message>
        <source>An upload is under way.</source>
        <translation>An upload is under way.</translation>
    </message>
    <message>
        <source>Upload the chosen month&apos;s manual and changes to the document management system now.</source>
        <translation>Upload the chosen month&apos;s manual and changes to the document management system now.</translation>
    </message>
    <message>
        <source>An export is under way.</source>
        <translation>An export is under way.</translation>
    </message>
    <message>
        <source>Save one document of a month as a DOCX or PDF file.</source>
        <translation>Save one document of a month as a DOCX or PDF file.</translation>
    </message>
    <message>
        <source>Nothing was uploaded for {month} yet.</source>
        <translation>Nothing was uploaded for {month} yet.</translation>
    </message>
    <message>
        <source>Open the vault first (on the Vault page): the document management system&apos;s password is the vault credential {name}.</source>
        <translation>Open the vault first (on the Vault page): the document management system&apos;s password is the vault credential {name}.</translation>
    </message>
    <message>
        <source>Upload the service manual of {month} and this month&apos;s changes ({formats}) to {target}? Files of the same name there are replaced.</source>
        <translation>Upload the service manual of {month} and this month&apos;s changes ({formats}) to {target}? Files of the same name there are replaced.</translation>
    </message>
    <message>
        <source>Upload the service manual</source>
        <translation>Upload the service manual</translation>
    </message>
    <message>
        <source>Uploading the service manual of {month}…</source>
        <translation>Uploading the service manual of {month}…</translation>
    </message>
    <message>
        <source>The document management system&apos;s password cannot be read: open the vault (on the Vault page) and try again.</source>
        <translation>The document management system&apos;s password cannot be read: open the vault (on the Vault page) and try again.</translation>
    </message>
    <message>
        <source>Uploaded {count} files of {month}.</source>
        <translation>Uploaded {count} files of {month}.</translation>
    </message>
    <message>
        <source>{failed} of {count} files were not uploaded. {reason}</source>
        <translation>{failed} of {count} files were not uploaded. {reason}</translation>
    </message>
    <message>
        <source>Uploading {file} ({number} of {total})…</source>
        <translation>Uploading {file} ({number} of {total})…</translation>
    </message>
    <message>
        <source>Cancelling: the file being sent is finished first…</source>
        <translation>Cancelling: the file being sent is finished first…</translation>
    </message>
    <message>
        <source>Export the service manual</source>
        <translation>Export the service manual</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>Exporting to {path}…</translation>
    </message>
    <message>
        <source>Exported: {path} (entries: {entries}).</source>
        <translation>Exported: {path} (entries: {entries}).</translation>
    </message>
</context>
<context>
    <name>VaultPage</name>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <source>database</source>
        <translation>database</translation>
    </message>
    <message>
        <source>application</source>
        <translation>application</translation>
    </message>
    <message>
        <source>SSH key</source>
        <translation>SSH key</translation>
    </message>
    <message>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>weak</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>fair</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>strong</translation>
    </message>
    <message>
        <source>very strong</source>
        <translation>very strong</translation>
    </message>
    <message>
        <source>only for an SSH key that has one</source>
        <translation>only for an SSH key that has one</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>New credential</source>
        <translation>New credential</translation>
    </message>
    <message>
        <source>Edit credential</source>
        <translation>Edit credential</translation>
    </message>
    <message>
        <source>leave empty to keep the current secret</source>
        <translation>leave empty to keep the current secret</translation>
    </message>
    <message>
        <source>The vault is locked</source>
        <translation>The vault is locked</translation>
    </message>
    <message>
        <source>Your vault passphrase</source>
        <translation>Your vault passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credentials</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>due: change it</source>
        <translation>due: change it</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <source>Reveal…</source>
        <translation>Reveal…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>History…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>The vault is not set up yet: the group leader runs “supportdesk vault init”.</source>
        <translation>The vault is not set up yet: the group leader runs “supportdesk vault init”.</translation>
    </message>
    <message>
        <source>You are not a member of the vault: ask the group leader to add you.</source>
        <translation>You are not a member of the vault: ask the group leader to add you.</translation>
    </message>
    <message>
        <source>{credentials} credentials. Enter your passphrase to open the vault.</source>
        <translation>{credentials} credentials. Enter your passphrase to open the vault.</translation>
    </message>
    <message>
        <source>{count} due for rotation</source>
        <translation>{count} due for rotation</translation>
    </message>
    <message>
        <source>Reveal secret</source>
        <translation>Reveal secret</translation>
    </message>
    <message>
        <source>Copy secret</source>
        <translation>Copy secret</translation>
    </message>
    <message>
        <source>Reveal earlier secret</source>
        <translation>Reveal earlier secret</translation>
    </message>
    <message>
        <source>Copy earlier secret</source>
        <translation>Copy earlier secret</translation>
    </message>
    <message>
        <source>Secret of {name}</source>
        <translation>Secret of {name}</translation>
    </message>
    <message>
        <source>Copied {name}; the clipboard is cleared in {seconds} s.</source>
        <translation>Copied {name}; the clipboard is cleared in {seconds} s.</translation>
    </message>
</context>
<context>
    <name>WebhookField</name>
    <message>
        <source>empty: not used</source>
        <translation>empty: not used</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
</context>
<context>
    <name>_Grid</name>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>short name</source>
        <translation>short name</translation>
    </message>
    <message>
        <source>region</source>
        <translation>region</translation>
    </message>
    <message>
        <source>responsible engineer</source>
        <translation>responsible engineer</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>customer</translation>
    </message>
    <message>
        <source>role</source>
        <translation>role</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>project</source>
        <translation>project</translation>
    </message>
    <message>
        <source>contract number</source>
        <translation>contract number</translation>
    </message>
    <message>
        <source>acceptance date</source>
        <translation>acceptance date</translation>
    </message>
    <message>
        <source>start of the maintenance period</source>
        <translation>start of the maintenance period</translation>
    </message>
    <message>
        <source>end of the maintenance period</source>
        <translation>end of the maintenance period</translation>
    </message>
    <message>
        <source>what the company maintains</source>
        <translation>what the company maintains</translation>
    </message>
    <message>
        <source>what the customer does</source>
        <translation>what the customer does</translation>
    </message>
    <message>
        <source>what happens when maintenance expires</source>
        <translation>what happens when maintenance expires</translation>
    </message>
    <message>
        <source>work of after-sales</source>
        <translation>work of after-sales</translation>
    </message>
    <message>
        <source>work of technical support</source>
        <translation>work of technical support</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>owner</translation>
    </message>
    <message>
        <source>title</source>
        <translation>title</translation>
    </message>
    <message>
        <source>state</source>
        <translation>state</translation>
    </message>
    <message>
        <source>detail</source>
        <translation>detail</translation>
    </message>
    <message>
        <source>planned acceptance</source>
        <translation>planned acceptance</translation>
    </message>
    <message>
        <source>system</source>
        <translation>system</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>environment</translation>
    </message>
    <message>
        <source>host</source>
        <translation>host</translation>
    </message>
    <message>
        <source>address</source>
        <translation>address</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>login user</source>
        <translation>login user</translation>
    </message>
    <message>
        <source>jump host</source>
        <translation>jump host</translation>
    </message>
    <message>
        <source>credential</source>
        <translation>credential</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>tags</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>start date</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>end date</translation>
    </message>
    <message>
        <source>type</source>
        <translation>type</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>secret</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>user name</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>earlier secret</source>
        <translation>earlier secret</translation>
    </message>
    <message>
        <source>access</source>
        <translation>access</translation>
    </message>
    <message>
        <source>host key</source>
        <translation>host key</translation>
    </message>
    <message>
        <source>key passphrase</source>
        <translation>key passphrase</translation>
    </message>
    <message>
        <source>month</source>
        <translation>month</translation>
    </message>
    <message>
        <source>disk use warning (%)</source>
        <translation>disk use warning (%)</translation>
    </message>
    <message>
        <source>disk use critical (%)</source>
        <translation>disk use critical (%)</translation>
    </message>
    <message>
        <source>free inodes warning (%)</source>
        <translation>free inodes warning (%)</translation>
    </message>
    <message>
        <source>free inodes critical (%)</source>
        <translation>free inodes critical (%)</translation>
    </message>
    <message>
        <source>memory use limit (%)</source>
        <translation>memory use limit (%)</translation>
    </message>
    <message>
        <source>free swap limit (%)</source>
        <translation>free swap limit (%)</translation>
    </message>
    <message>
        <source>load per CPU</source>
        <translation>load per CPU</translation>
    </message>
    <message>
        <source>clock drift (s)</source>
        <translation>clock drift (s)</translation>
    </message>
    <message>
        <source>minimum uptime (s)</source>
        <translation>minimum uptime (s)</translation>
    </message>
    <message>
        <source>expected listening ports</source>
        <translation>expected listening ports</translation>
    </message>
    <message>
        <source>expected processes</source>
        <translation>expected processes</translation>
    </message>
    <message>
        <source>custom check</source>
        <translation>custom check</translation>
    </message>
    <message>
        <source>manual checklist item</source>
        <translation>manual checklist item</translation>
    </message>
    <message>
        <source>inspection report</source>
        <translation>inspection report</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>screenshot</source>
        <translation>screenshot</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>comment</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>reason</translation>
    </message>
    <message>
        <source>vault</source>
        <translation>vault</translation>
    </message>
    <message>
        <source>vault passphrase</source>
        <translation>vault passphrase</translation>
    </message>
    <message>
        <source>key derivation</source>
        <translation>key derivation</translation>
    </message>
    <message>
        <source>passphrase file</source>
        <translation>passphrase file</translation>
    </message>
    <message>
        <source>salesperson</source>
        <translation>salesperson</translation>
    </message>
    <message>
        <source>notice period (months)</source>
        <translation>notice period (months)</translation>
    </message>
    <message>
        <source>login</source>
        <translation>login</translation>
    </message>
    <message>
        <source>password</source>
        <translation>password</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>setting</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>profile</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>handover package</source>
        <translation>handover package</translation>
    </message>
    <message>
        <source>directory or repository</source>
        <translation>directory or repository</translation>
    </message>
    <message>
        <source>deployed paths</source>
        <translation>deployed paths</translation>
    </message>
    <message>
        <source>application directory</source>
        <translation>application directory</translation>
    </message>
    <message>
        <source>backup directory</source>
        <translation>backup directory</translation>
    </message>
    <message>
        <source>database</source>
        <translation>database</translation>
    </message>
    <message>
        <source>database name</source>
        <translation>database name</translation>
    </message>
    <message>
        <source>days kept</source>
        <translation>days kept</translation>
    </message>
    <message>
        <source>hour of the day</source>
        <translation>hour of the day</translation>
    </message>
    <message>
        <source>file pattern</source>
        <translation>file pattern</translation>
    </message>
    <message>
        <source>hours between backups</source>
        <translation>hours between backups</translation>
    </message>
    <message>
        <source>change</source>
        <translation>change</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>scope</translation>
    </message>
    <message>
        <source>possible impact</source>
        <translation>possible impact</translation>
    </message>
    <message>
        <source>rollback plan</source>
        <translation>rollback plan</translation>
    </message>
    <message>
        <source>executor</source>
        <translation>executor</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>planned start</source>
        <translation>planned start</translation>
    </message>
    <message>
        <source>duration (minutes)</source>
        <translation>duration (minutes)</translation>
    </message>
    <message>
        <source>who was told</source>
        <translation>who was told</translation>
    </message>
    <message>
        <source>when they were told</source>
        <translation>when they were told</translation>
    </message>
    <message>
        <source>when it was executed</source>
        <translation>when it was executed</translation>
    </message>
    <message>
        <source>emergency reason</source>
        <translation>emergency reason</translation>
    </message>
    <message>
        <source>customer notice</source>
        <translation>customer notice</translation>
    </message>
    <message>
        <source>commit id</source>
        <translation>commit id</translation>
    </message>
    <message>
        <source>output file</source>
        <translation>output file</translation>
    </message>
    <message>
        <source>required material categories</source>
        <translation>required material categories</translation>
    </message>
    <message>
        <source>category</source>
        <translation>category</translation>
    </message>
    <message>
        <source>location</source>
        <translation>location</translation>
    </message>
    <message>
        <source>question</source>
        <translation>question</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>answer</translation>
    </message>
    <message>
        <source>signers for the company</source>
        <translation>signers for the company</translation>
    </message>
    <message>
        <source>signers for the customer</source>
        <translation>signers for the customer</translation>
    </message>
    <message>
        <source>signed scan</source>
        <translation>signed scan</translation>
    </message>
    <message>
        <source>date signed</source>
        <translation>date signed</translation>
    </message>
    <message>
        <source>maintenance period</source>
        <translation>maintenance period</translation>
    </message>
    <message>
        <source>the project&apos;s FAQ entries</source>
        <translation>the project&apos;s FAQ entries</translation>
    </message>
    <message>
        <source>emergency contacts</source>
        <translation>emergency contacts</translation>
    </message>
    <message>
        <source>the project&apos;s systems</source>
        <translation>the project&apos;s systems</translation>
    </message>
    <message>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <source>database URL</source>
        <translation>database URL</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>document folder</source>
        <translation>document folder</translation>
    </message>
    <message>
        <source>WebDAV URL</source>
        <translation>WebDAV URL</translation>
    </message>
    <message>
        <source>SMTP host</source>
        <translation>SMTP host</translation>
    </message>
    <message>
        <source>SMTP port</source>
        <translation>SMTP port</translation>
    </message>
    <message>
        <source>SMTP login</source>
        <translation>SMTP login</translation>
    </message>
    <message>
        <source>mail encryption</source>
        <translation>mail encryption</translation>
    </message>
    <message>
        <source>sender address</source>
        <translation>sender address</translation>
    </message>
    <message>
        <source>SMTP password credential</source>
        <translation>SMTP password credential</translation>
    </message>
    <message>
        <source>DingTalk webhook</source>
        <translation>DingTalk webhook</translation>
    </message>
    <message>
        <source>DingTalk signing secret</source>
        <translation>DingTalk signing secret</translation>
    </message>
    <message>
        <source>WeCom webhook</source>
        <translation>WeCom webhook</translation>
    </message>
    <message>
        <source>WeCom signing secret</source>
        <translation>WeCom signing secret</translation>
    </message>
    <message>
        <source>Feishu webhook</source>
        <translation>Feishu webhook</translation>
    </message>
    <message>
        <source>Feishu signing secret</source>
        <translation>Feishu signing secret</translation>
    </message>
    <message>
        <source>daily run time</source>
        <translation>daily run time</translation>
    </message>
    <message>
        <source>days before sending again</source>
        <translation>days before sending again</translation>
    </message>
    <message>
        <source>times sent again at most</source>
        <translation>times sent again at most</translation>
    </message>
    <message>
        <source>follow-up outcome</source>
        <translation>follow-up outcome</translation>
    </message>
    <message>
        <source>copied address</source>
        <translation>copied address</translation>
    </message>
    <message>
        <source>reason required</source>
        <translation>reason required</translation>
    </message>
    <message>
        <source>clipboard seconds</source>
        <translation>clipboard seconds</translation>
    </message>
    <message>
        <source>vault lock minutes</source>
        <translation>vault lock minutes</translation>
    </message>
    <message>
        <source>symptom</source>
        <translation>symptom</translation>
    </message>
    <message>
        <source>cause</source>
        <translation>cause</translation>
    </message>
    <message>
        <source>solution</source>
        <translation>solution</translation>
    </message>
    <message>
        <source>workaround</source>
        <translation>workaround</translation>
    </message>
    <message>
        <source>applies to version</source>
        <translation>applies to version</translation>
    </message>
    <message>
        <source>what changed</source>
        <translation>what changed</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>evidence</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>amount</translation>
    </message>
    <message>
        <source>person rewarded</source>
        <translation>person rewarded</translation>
    </message>
    <message>
        <source>optimisation item</source>
        <translation>optimisation item</translation>
    </message>
    <message>
        <source>document system URL</source>
        <translation>document system URL</translation>
    </message>
    <message>
        <source>uploaded file name</source>
        <translation>uploaded file name</translation>
    </message>
    <message>
        <source>document system</source>
        <translation>document system</translation>
    </message>
    <message>
        <source>document system folder</source>
        <translation>document system folder</translation>
    </message>
    <message>
        <source>document system login</source>
        <translation>document system login</translation>
    </message>
    <message>
        <source>document system password</source>
        <translation>document system password</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>is required</translation>
    </message>
    <message>
        <source>is longer than {max} characters</source>
        <translation>is longer than {max} characters</translation>
    </message>
    <message>
        <source>is shorter than {min} characters</source>
        <translation>is shorter than {min} characters</translation>
    </message>
    <message>
        <source>the two entries differ</source>
        <translation>the two entries differ</translation>
    </message>
    <message>
        <source>more than one {entity} is called &apos;{value}&apos;: pick it in the window</source>
        <translation>more than one {entity} is called &apos;{value}&apos;: pick it in the window</translation>
    </message>
    <message>
        <source>the vault is already set up</source>
        <translation>the vault is already set up</translation>
    </message>
    <message>
        <source>the key derivation is weaker than the minimum (Argon2id t=3, 64 MiB, p=4)</source>
        <translation>the key derivation is weaker than the minimum (Argon2id t=3, 64 MiB, p=4)</translation>
    </message>
    <message>
        <source>{value} may no longer use the vault (their role changed): remove them from it first</source>
        <translation>{value} may no longer use the vault (their role changed): remove them from it first</translation>
    </message>
    <message>
        <source>the vault membership of {value} was not made by a group leader (changed outside SupportDesk): nothing was changed; remove that member and tell the administrator</source>
        <translation>the vault membership of {value} was not made by a group leader (changed outside SupportDesk): nothing was changed; remove that member and tell the administrator</translation>
    </message>
    <message>
        <source>no keyring backend was found ({detail}): the vault works by passphrase alone</source>
        <translation>no keyring backend was found ({detail}): the vault works by passphrase alone</translation>
    </message>
    <message>
        <source>the keyring {detail} is not available here ({reason}): the vault works by passphrase alone</source>
        <translation>the keyring {detail} is not available here ({reason}): the vault works by passphrase alone</translation>
    </message>
    <message>
        <source>the keyring is switched off ({detail}): the vault works by passphrase alone</source>
        <translation>the keyring is switched off ({detail}): the vault works by passphrase alone</translation>
    </message>
    <message>
        <source>the keyring {detail} keeps secrets in plain files and is refused: the vault works by passphrase alone</source>
        <translation>the keyring {detail} keeps secrets in plain files and is refused: the vault works by passphrase alone</translation>
    </message>
    <message>
        <source>the keyring {detail} is not a recommended one ({reason}) and is refused: the vault works by passphrase alone</source>
        <translation>the keyring {detail} is not a recommended one ({reason}) and is refused: the vault works by passphrase alone</translation>
    </message>
    <message>
        <source>the keyring {detail} failed: {reason}</source>
        <translation>the keyring {detail} failed: {reason}</translation>
    </message>
    <message>
        <source>{value} is not a member of the vault: ask the group leader to add you</source>
        <translation>{value} is not a member of the vault: ask the group leader to add you</translation>
    </message>
    <message>
        <source>{value} is already a member of the vault</source>
        <translation>{value} is already a member of the vault</translation>
    </message>
    <message>
        <source>{value}&apos;s role does not allow using the vault</source>
        <translation>{value}&apos;s role does not allow using the vault</translation>
    </message>
    <message>
        <source>{value} is the last member of the vault and cannot be removed</source>
        <translation>{value} is the last member of the vault and cannot be removed</translation>
    </message>
    <message>
        <source>the team key changed since the vault was opened: open it again</source>
        <translation>the team key changed since the vault was opened: open it again</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an e-mail address</source>
        <translation>&apos;{value}&apos; is not an e-mail address</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a phone number</source>
        <translation>&apos;{value}&apos; is not a phone number</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid login (lower-case letters, digits, _ . -)</source>
        <translation>&apos;{value}&apos; is not a valid login (lower-case letters, digits, _ . -)</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an IP address or host name</source>
        <translation>&apos;{value}&apos; is not an IP address or host name</translation>
    </message>
    <message>
        <source>{value} is not a port between 1 and 65535</source>
        <translation>{value} is not a port between 1 and 65535</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of: {choices}</source>
        <translation>&apos;{value}&apos; is not one of: {choices}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date (YYYY-MM-DD)</source>
        <translation>&apos;{value}&apos; is not a date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid value</source>
        <translation>&apos;{value}&apos; is not a valid value</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number</source>
        <translation>&apos;{value}&apos; is not a whole number</translation>
    </message>
    <message>
        <source>{value} is not between {min} and {max}</source>
        <translation>{value} is not between {min} and {max}</translation>
    </message>
    <message>
        <source>was locked; unlock it and try again</source>
        <translation>was locked; unlock it and try again</translation>
    </message>
    <message>
        <source>ends before it starts</source>
        <translation>ends before it starts</translation>
    </message>
    <message>
        <source>{value} is not between 0 and 24 months</source>
        <translation>{value} is not between 0 and 24 months</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; already exists</source>
        <translation>&apos;{value}&apos; already exists</translation>
    </message>
    <message>
        <source>no user with login &apos;{value}&apos;</source>
        <translation>no user with login &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is neither a salesperson nor a sales director</source>
        <translation>&apos;{value}&apos; is neither a salesperson nor a sales director</translation>
    </message>
    <message>
        <source>there is no setting &apos;{value}&apos;</source>
        <translation>there is no setting &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>the project has no acceptance date, planned or actual</source>
        <translation>the project has no acceptance date, planned or actual</translation>
    </message>
    <message>
        <source>cannot move from &apos;{current}&apos; to &apos;{value}&apos;</source>
        <translation>cannot move from &apos;{current}&apos; to &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a time of day (HH:MM)</source>
        <translation>&apos;{value}&apos; is not a time of day (HH:MM)</translation>
    </message>
    <message>
        <source>is not a webhook URL (https://host/path?token)</source>
        <translation>is not a webhook URL (https://host/path?token)</translation>
    </message>
    <message>
        <source>the vault has no credential named &apos;{value}&apos;</source>
        <translation>the vault has no credential named &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>{entity} &apos;{value}&apos; does not exist</source>
        <translation>{entity} &apos;{value}&apos; does not exist</translation>
    </message>
    <message>
        <source>the jump host must be another host of the same system</source>
        <translation>the jump host must be another host of the same system</translation>
    </message>
    <message>
        <source>a host cannot be its own jump host</source>
        <translation>a host cannot be its own jump host</translation>
    </message>
    <message>
        <source>jumping through &apos;{value}&apos; would lead back to this host</source>
        <translation>jumping through &apos;{value}&apos; would lead back to this host</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a supported database; use sqlite:///PATH or postgresql+psycopg://USER@HOST/DATABASE</source>
        <translation>&apos;{value}&apos; is not a supported database; use sqlite:///PATH or postgresql+psycopg://USER@HOST/DATABASE</translation>
    </message>
    <message>
        <source>no host named &apos;{value}&apos; in this system</source>
        <translation>no host named &apos;{value}&apos; in this system</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is inside the application directory: the backups would archive themselves</source>
        <translation>&apos;{value}&apos; is inside the application directory: the backups would archive themselves</translation>
    </message>
    <message>
        <source>the host could not be read: {detail}</source>
        <translation>the host could not be read: {detail}</translation>
    </message>
    <message>
        <source>the backup could not be set up; the host said: {detail}</source>
        <translation>the backup could not be set up; the host said: {detail}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an absolute path (one starting with /)</source>
        <translation>&apos;{value}&apos; is not an absolute path (one starting with /)</translation>
    </message>
    <message>
        <source>is {value}: only a planned change can be changed</source>
        <translation>is {value}: only a planned change can be changed</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an after-sales engineer or group leader</source>
        <translation>&apos;{value}&apos; is not an after-sales engineer or group leader</translation>
    </message>
    <message>
        <source>the customer has not been told of this change yet (schedule, impact, scope, duration): record the notice first, or give the reason for an emergency change</source>
        <translation>the customer has not been told of this change yet (schedule, impact, scope, duration): record the notice first, or give the reason for an emergency change</translation>
    </message>
    <message>
        <source>{value} is before the change&apos;s schedule or scope last changed; tell the customer again</source>
        <translation>{value} is before the change&apos;s schedule or scope last changed; tell the customer again</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a commit id (7 to 64 hexadecimal digits)</source>
        <translation>&apos;{value}&apos; is not a commit id (7 to 64 hexadecimal digits)</translation>
    </message>
    <message>
        <source>is signed and frozen; start an amendment to change it</source>
        <translation>is signed and frozen; start an amendment to change it</translation>
    </message>
    <message>
        <source>is not complete; missing: {missing}</source>
        <translation>is not complete; missing: {missing}</translation>
    </message>
    <message>
        <source>{value} is in the future</source>
        <translation>{value} is in the future</translation>
    </message>
    <message>
        <source>has not been signed yet</source>
        <translation>has not been signed yet</translation>
    </message>
    <message>
        <source>already has an amendment under way</source>
        <translation>already has an amendment under way</translation>
    </message>
    <message>
        <source>tags cannot contain spaces</source>
        <translation>tags cannot contain spaces</translation>
    </message>
    <message>
        <source>the last administrator cannot lose the role</source>
        <translation>the last administrator cannot lose the role</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid profile name</source>
        <translation>&apos;{value}&apos; is not a valid profile name</translation>
    </message>
    <message>
        <source>must not contain a password; use the keyring or a pgpass file</source>
        <translation>must not contain a password; use the keyring or a pgpass file</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a JSON, CSV or XLSX file</source>
        <translation>&apos;{value}&apos; is not a JSON, CSV or XLSX file</translation>
    </message>
    <message>
        <source>cannot be read: {detail}</source>
        <translation>cannot be read: {detail}</translation>
    </message>
    <message>
        <source>{value} cannot be written: {detail}</source>
        <translation>{value} cannot be written: {detail}</translation>
    </message>
    <message>
        <source>the host {value} does not belong to the chosen system</source>
        <translation>the host {value} does not belong to the chosen system</translation>
    </message>
    <message>
        <source>is not in the SupportDesk format: {detail}</source>
        <translation>is not in the SupportDesk format: {detail}</translation>
    </message>
    <message>
        <source>the profile already holds data</source>
        <translation>the profile already holds data</translation>
    </message>
    <message>
        <source>{value} is not text</source>
        <translation>{value} is not text</translation>
    </message>
    <message>
        <source>{value} is not true or false</source>
        <translation>{value} is not true or false</translation>
    </message>
    <message>
        <source>{value} is not a list</source>
        <translation>{value} is not a list</translation>
    </message>
    <message>
        <source>only an administrator may add the user &apos;{value}&apos;</source>
        <translation>only an administrator may add the user &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>Cannot connect to the database {url}: {detail}</source>
        <translation>Cannot connect to the database {url}: {detail}</translation>
    </message>
    <message>
        <source>The database file {path} is on a network share ({fs}). SQLite can corrupt data there. Use a team PostgreSQL database instead (Settings → Database, or SUPPORTDESK_DB=postgresql+psycopg://…).</source>
        <translation>The database file {path} is on a network share ({fs}). SQLite can corrupt data there. Use a team PostgreSQL database instead (Settings → Database, or SUPPORTDESK_DB=postgresql+psycopg://…).</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was saved; free some space and try again.</source>
        <translation>The disk is full. Nothing was saved; free some space and try again.</translation>
    </message>
    <message>
        <source>The database is busy; try again in a moment.</source>
        <translation>The database is busy; try again in a moment.</translation>
    </message>
    <message>
        <source>Upgrading the database from revision {revision} failed; the old database was left in place. Details: {detail}</source>
        <translation>Upgrading the database from revision {revision} failed; the old database was left in place. Details: {detail}</translation>
    </message>
    <message>
        <source>{path} already exists; choose another file</source>
        <translation>{path} already exists; choose another file</translation>
    </message>
    <message>
        <source>The backup failed: {detail}</source>
        <translation>The backup failed: {detail}</translation>
    </message>
    <message>
        <source>The login {login} may not read every table of the team database (the vault&apos;s secrets are served to members one audited access at a time). Back it up as the database&apos;s owner.</source>
        <translation>The login {login} may not read every table of the team database (the vault&apos;s secrets are served to members one audited access at a time). Back it up as the database&apos;s owner.</translation>
    </message>
    <message>
        <source>The database login {login} could not be created ({detail}).</source>
        <translation>The database login {login} could not be created ({detail}).</translation>
    </message>
    <message>
        <source>pg_dump is needed to back up a PostgreSQL database</source>
        <translation>pg_dump is needed to back up a PostgreSQL database</translation>
    </message>
    <message>
        <source>Secret damaged: it was changed outside SupportDesk and cannot be shown.</source>
        <translation>Secret damaged: it was changed outside SupportDesk and cannot be shown.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Wrong passphrase.</translation>
    </message>
    <message>
        <source>a different key is already accepted for {value}: only the group leader can replace it</source>
        <translation>a different key is already accepted for {value}: only the group leader can replace it</translation>
    </message>
    <message>
        <source>{host} is not known yet. Its host key is {fingerprint}: compare it with the server&apos;s before accepting it. Nothing was sent.</source>
        <translation>{host} is not known yet. Its host key is {fingerprint}: compare it with the server&apos;s before accepting it. Nothing was sent.</translation>
    </message>
    <message>
        <source>The host key of {host} has changed: it was {old}, it is now {new}. Nothing was sent. Only the group leader can accept the new key, after checking it with the customer.</source>
        <translation>The host key of {host} has changed: it was {old}, it is now {new}. Nothing was sent. Only the group leader can accept the new key, after checking it with the customer.</translation>
    </message>
    <message>
        <source>Cannot connect to {host}: {detail}</source>
        <translation>Cannot connect to {host}: {detail}</translation>
    </message>
    <message>
        <source>{host} did not accept a connection within {seconds} s.</source>
        <translation>{host} did not accept a connection within {seconds} s.</translation>
    </message>
    <message>
        <source>{host} accepted the connection but sent nothing for {seconds} s: is an SSH server listening on that port?</source>
        <translation>{host} accepted the connection but sent nothing for {seconds} s: is an SSH server listening on that port?</translation>
    </message>
    <message>
        <source>{host} did not complete the SSH greeting within {seconds} s.</source>
        <translation>{host} did not complete the SSH greeting within {seconds} s.</translation>
    </message>
    <message>
        <source>{host} refused the login ({detail}).</source>
        <translation>{host} refused the login ({detail}).</translation>
    </message>
    <message>
        <source>{host} did not answer the login within {seconds} s.</source>
        <translation>{host} did not answer the login within {seconds} s.</translation>
    </message>
    <message>
        <source>{host} did not start the command within {seconds} s.</source>
        <translation>{host} did not start the command within {seconds} s.</translation>
    </message>
    <message>
        <source>{host}: cancelled.</source>
        <translation>{host}: cancelled.</translation>
    </message>
    <message>
        <source>{host}: the SSH connection failed ({detail}).</source>
        <translation>{host}: the SSH connection failed ({detail}).</translation>
    </message>
    <message>
        <source>The evidence {sha256} is missing or was changed after it was stored.</source>
        <translation>The evidence {sha256} is missing or was changed after it was stored.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a month (YYYY-MM)</source>
        <translation>&apos;{value}&apos; is not a month (YYYY-MM)</translation>
    </message>
    <message>
        <source>the jump hosts of {value} go round in a circle or are over three deep</source>
        <translation>the jump hosts of {value} go round in a circle or are over three deep</translation>
    </message>
    <message>
        <source>the pattern of {value} is not a regular expression ({detail})</source>
        <translation>the pattern of {value} is not a regular expression ({detail})</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a process name (one word, as ps shows it)</source>
        <translation>&apos;{value}&apos; is not a process name (one word, as ps shows it)</translation>
    </message>
    <message>
        <source>{value} needs a command</source>
        <translation>{value} needs a command</translation>
    </message>
    <message>
        <source>only an SSH key has a passphrase</source>
        <translation>only an SSH key has a passphrase</translation>
    </message>
    <message>
        <source>is saved together with its key: give the key too</source>
        <translation>is saved together with its key: give the key too</translation>
    </message>
    <message>
        <source>{value} has no key passphrase</source>
        <translation>{value} has no key passphrase</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an exit status (a whole number, or empty for any)</source>
        <translation>&apos;{value}&apos; is not an exit status (a whole number, or empty for any)</translation>
    </message>
    <message>
        <source>{value} is not worse than the warning level</source>
        <translation>{value} is not worse than the warning level</translation>
    </message>
    <message>
        <source>host {value} was not inspected: record why before finalising</source>
        <translation>host {value} was not inspected: record why before finalising</translation>
    </message>
    <message>
        <source>the required item &apos;{value}&apos; is not ticked yet</source>
        <translation>the required item &apos;{value}&apos; is not ticked yet</translation>
    </message>
    <message>
        <source>the report is {value}: only a draft can be changed or finalised</source>
        <translation>the report is {value}: only a draft can be changed or finalised</translation>
    </message>
    <message>
        <source>the report is {value}: only a finalised report can be reviewed</source>
        <translation>the report is {value}: only a finalised report can be reviewed</translation>
    </message>
    <message>
        <source>the inspection run is {value}: only a finished run makes a report</source>
        <translation>the inspection run is {value}: only a finished run makes a report</translation>
    </message>
    <message>
        <source>is larger than {max}</source>
        <translation>is larger than {max}</translation>
    </message>
    <message>
        <source>no inspection was run in {value}</source>
        <translation>no inspection was run in {value}</translation>
    </message>
    <message>
        <source>the report is {value}: only an approved report goes to the documents</source>
        <translation>the report is {value}: only an approved report goes to the documents</translation>
    </message>
    <message>
        <source>host {value} has no credential in the vault: link one to it</source>
        <translation>host {value} has no credential in the vault: link one to it</translation>
    </message>
    <message>
        <source>The private key for {host} is encrypted: store its passphrase with the credential.</source>
        <translation>The private key for {host} is encrypted: store its passphrase with the credential.</translation>
    </message>
    <message>
        <source>The passphrase stored for the private key of {host} is wrong.</source>
        <translation>The passphrase stored for the private key of {host} is wrong.</translation>
    </message>
    <message>
        <source>has more than {max} entries</source>
        <translation>has more than {max} entries</translation>
    </message>
    <message>
        <source>an entry that was once published cannot be deleted: the manual&apos;s history keeps it</source>
        <translation>an entry that was once published cannot be deleted: the manual&apos;s history keeps it</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an image (PNG, JPEG, GIF or BMP)</source>
        <translation>&apos;{value}&apos; is not an image (PNG, JPEG, GIF or BMP)</translation>
    </message>
    <message>
        <source>the report is under review or approved: only a draft is changed</source>
        <translation>the report is under review or approved: only a draft is changed</translation>
    </message>
    <message>
        <source>the report of {month} is approved and frozen</source>
        <translation>the report of {month} is approved and frozen</translation>
    </message>
    <message>
        <source>this step of the approval chain is not yours to take</source>
        <translation>this step of the approval chain is not yours to take</translation>
    </message>
    <message>
        <source>the reward is yours: another person of that role reviews it</source>
        <translation>the reward is yours: another person of that role reviews it</translation>
    </message>
    <message>
        <source>{person} already has a reward application for this optimisation</source>
        <translation>{person} already has a reward application for this optimisation</translation>
    </message>
    <message>
        <source>the report of {month} has no items to submit</source>
        <translation>the report of {month} has no items to submit</translation>
    </message>
    <message>
        <source>the report of {month} is not approved yet: only an approved report&apos;s measures go to ZenTao</source>
        <translation>the report of {month} is not approved yet: only an approved report&apos;s measures go to ZenTao</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a ZenTao id</source>
        <translation>&apos;{value}&apos; is not a ZenTao id</translation>
    </message>
    <message>
        <source>the optimisation report of {month} is not approved: a reward is applied for only from an approved report</source>
        <translation>the optimisation report of {month} is not approved: a reward is applied for only from an approved report</translation>
    </message>
    <message>
        <source>item {value} is not in the optimisation report of {month}</source>
        <translation>item {value} is not in the optimisation report of {month}</translation>
    </message>
    <message>
        <source>the reward is under review or approved: only a draft is changed</source>
        <translation>the reward is under review or approved: only a draft is changed</translation>
    </message>
    <message>
        <source>a reward that was once submitted cannot be deleted: its steps are kept</source>
        <translation>a reward that was once submitted cannot be deleted: its steps are kept</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is no longer an active user</source>
        <translation>&apos;{value}&apos; is no longer an active user</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an amount in yuan with at most two decimals</source>
        <translation>&apos;{value}&apos; is not an amount in yuan with at most two decimals</translation>
    </message>
    <message>
        <source>is before the planned start</source>
        <translation>is before the planned start</translation>
    </message>
    <message>
        <source>{value} is below zero</source>
        <translation>{value} is below zero</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not known here</source>
        <translation>&apos;{value}&apos; is not known here</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a pair of a project id and a ZenTao execution id (12=34)</source>
        <translation>&apos;{value}&apos; is not a pair of a project id and a ZenTao execution id (12=34)</translation>
    </message>
    <message>
        <source>the group leader is reviewing the entry: return it to draft first</source>
        <translation>the group leader is reviewing the entry: return it to draft first</translation>
    </message>
    <message>
        <source>revision {value} says what the entry says now: nothing to restore</source>
        <translation>revision {value} says what the entry says now: nothing to restore</translation>
    </message>
    <message>
        <source>is not set up: choose a folder or a WebDAV location in the team settings</source>
        <translation>is not set up: choose a folder or a WebDAV location in the team settings</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a web address (http:// or https://, without a password)</source>
        <translation>&apos;{value}&apos; is not a web address (http:// or https://, without a password)</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; cannot be a file name (no slashes or control characters)</source>
        <translation>&apos;{value}&apos; cannot be a file name (no slashes or control characters)</translation>
    </message>
    <message>
        <source>The private key stored for {host} is not an OpenSSH private key.</source>
        <translation>The private key stored for {host} is not an OpenSSH private key.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>row {row}, {field}</source>
        <translation>row {row}, {field}</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where}: {problem}</translation>
    </message>
    <message>
        <source>This {entity} was changed by {user} after you opened it. Reload it and make your change again.</source>
        <translation>This {entity} was changed by {user} after you opened it. Reload it and make your change again.</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>someone else</translation>
    </message>
    <message>
        <source>This {entity} no longer exists (it may have been deleted).</source>
        <translation>This {entity} no longer exists (it may have been deleted).</translation>
    </message>
    <message>
        <source>{actor} may not do this ({permission}).</source>
        <translation>{actor} may not do this ({permission}).</translation>
    </message>
    <message>
        <source>An unexpected error occurred. It was written to the log file.</source>
        <translation>An unexpected error occurred. It was written to the log file.</translation>
    </message>
    <message>
        <source>ZenTao refused the login: check the account and its password credential. It is not tried again, since ZenTao locks an account after a few failed logins.</source>
        <translation>ZenTao refused the login: check the account and its password credential. It is not tried again, since ZenTao locks an account after a few failed logins.</translation>
    </message>
    <message>
        <source>ZenTao has locked the account after failed logins: ask its admin.</source>
        <translation>ZenTao has locked the account after failed logins: ask its admin.</translation>
    </message>
    <message>
        <source>The ZenTao account may not create tasks in that execution.</source>
        <translation>The ZenTao account may not create tasks in that execution.</translation>
    </message>
    <message>
        <source>This ZenTao has no RESTful API v1 (older than 16): import the spreadsheet instead.</source>
        <translation>This ZenTao has no RESTful API v1 (older than 16): import the spreadsheet instead.</translation>
    </message>
    <message>
        <source>ZenTao cannot be reached.</source>
        <translation>ZenTao cannot be reached.</translation>
    </message>
    <message>
        <source>ZenTao did not answer in time.</source>
        <translation>ZenTao did not answer in time.</translation>
    </message>
    <message>
        <source>ZenTao answered with an error ({status}).</source>
        <translation>ZenTao answered with an error ({status}).</translation>
    </message>
    <message>
        <source>The document system {target} cannot be reached. Nothing was uploaded.</source>
        <translation>The document system {target} cannot be reached. Nothing was uploaded.</translation>
    </message>
    <message>
        <source>The document system {target} refused the login: check the user and the password credential in the team settings.</source>
        <translation>The document system {target} refused the login: check the user and the password credential in the team settings.</translation>
    </message>
    <message>
        <source>The document system {target} refused the file (no such folder, no right to write, or too large).</source>
        <translation>The document system {target} refused the file (no such folder, no right to write, or too large).</translation>
    </message>
    <message>
        <source>The document system {target} did not answer in time.</source>
        <translation>The document system {target} did not answer in time.</translation>
    </message>
    <message>
        <source>The document system {target} answered with HTTP status {status}.</source>
        <translation>The document system {target} answered with HTTP status {status}.</translation>
    </message>
    <message>
        <source>No upload to {target} was even tried: run `supportdesk agent`, or open the vault on a group leader&apos;s desktop, or upload it from the Service manual page.</source>
        <translation>No upload to {target} was even tried: run `supportdesk agent`, or open the vault on a group leader&apos;s desktop, or upload it from the Service manual page.</translation>
    </message>
    <message>
        <source>The document system {target} did not take the file ({reason}).</source>
        <translation>The document system {target} did not take the file ({reason}).</translation>
    </message>
    <message>
        <source>technical material: {category}</source>
        <translation>technical material: {category}</translation>
    </message>
    <message>
        <source>after-sales engineer</source>
        <translation>after-sales engineer</translation>
    </message>
    <message>
        <source>group leader</source>
        <translation>group leader</translation>
    </message>
    <message>
        <source>sales director</source>
        <translation>sales director</translation>
    </message>
    <message>
        <source>management committee</source>
        <translation>management committee</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <source>maintenance contract</source>
        <translation>maintenance contract</translation>
    </message>
    <message>
        <source>user</source>
        <translation>user</translation>
    </message>
    <message>
        <source>service manual entry</source>
        <translation>service manual entry</translation>
    </message>
    <message>
        <source>reward</source>
        <translation>reward</translation>
    </message>
    <message>
        <source>optimisation report</source>
        <translation>optimisation report</translation>
    </message>
    <message>
        <source>item of the optimisation report</source>
        <translation>item of the optimisation report</translation>
    </message>
    <message>
        <source>revision</source>
        <translation>revision</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>attachment</translation>
    </message>
    <message>
        <source>backup job</source>
        <translation>backup job</translation>
    </message>
    <message>
        <source>archived file</source>
        <translation>archived file</translation>
    </message>
    <message>
        <source>outstanding issue</source>
        <translation>outstanding issue</translation>
    </message>
    <message>
        <source>FAQ entry</source>
        <translation>FAQ entry</translation>
    </message>
    <message>
        <source>technical material</source>
        <translation>technical material</translation>
    </message>
    <message>
        <source>signed version</source>
        <translation>signed version</translation>
    </message>
    <message>
        <source>reminder</source>
        <translation>reminder</translation>
    </message>
</context>
</TS>
