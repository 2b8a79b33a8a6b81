<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../ui/settings/users.py" line="382"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="388"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="389"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="390"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="391"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="126"/>
        <source>Emergency Command Console</source>
        <translation>应急指挥调度台</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="152"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="154"/>
        <source>Something went wrong (%1). Nothing you saved is lost. The details are in the log file for the support engineer.</source>
        <translation>出现了问题（%1）。已保存的数据不会丢失。详细信息已写入日志文件，供技术支持人员查看。</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="191"/>
        <source>This database has no users yet: nobody can log in.</source>
        <translation>该数据库还没有用户：无人可以登录。</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="224"/>
        <source>The console window opened on the %1 platform; %2 is logged in.</source>
        <translation>调度台窗口已在 %1 平台上打开；%2 已登录。</translation>
    </message>
</context>
<context>
    <name>Area</name>
    <message>
        <location filename="../../maps/area.py" line="297"/>
        <source>People</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../../maps/area.py" line="362"/>
        <location filename="../../ui/printing/area.py" line="89"/>
        <source>What the area %1 holds</source>
        <translation>区域“%1”内对象</translation>
    </message>
    <message>
        <location filename="../../maps/area.py" line="364"/>
        <location filename="../../ui/printing/area.py" line="91"/>
        <source>What the drawn area holds</source>
        <translation>所画区域内对象</translation>
    </message>
    <message>
        <location filename="../../maps/area.py" line="366"/>
        <location filename="../../ui/printing/area.py" line="101"/>
        <source>Area %1 km².</source>
        <translation>面积 %1 平方公里。</translation>
    </message>
    <message>
        <location filename="../../maps/area.py" line="368"/>
        <source>Counts</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../maps/area.py" line="370"/>
        <source>Lists</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../../maps/area.py" line="378"/>
        <location filename="../../maps/area.py" line="386"/>
        <location filename="../../ui/printing/area.py" line="52"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../maps/area.py" line="379"/>
        <source>Inside</source>
        <translation>区域内</translation>
    </message>
    <message>
        <location filename="../../maps/area.py" line="387"/>
        <location filename="../../ui/printing/area.py" line="53"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../maps/area.py" line="388"/>
        <location filename="../../ui/printing/area.py" line="54"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../maps/area.py" line="389"/>
        <location filename="../../ui/printing/area.py" line="55"/>
        <source>Town</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../maps/area.py" line="390"/>
        <location filename="../../ui/printing/area.py" line="56"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../maps/area.py" line="391"/>
        <location filename="../../ui/printing/area.py" line="57"/>
        <source>Free places, type or residents</source>
        <translation>空余床位、类型或人数</translation>
    </message>
    <message>
        <location filename="../../maps/area.py" line="394"/>
        <location filename="../../ui/printing/area.py" line="62"/>
        <source>Still at home</source>
        <translation>仍在家中</translation>
    </message>
    <message>
        <location filename="../../maps/area.py" line="400"/>
        <location filename="../../ui/printing/area.py" line="65"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/printing/area.py" line="51"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/printing/area.py" line="83"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/printing/area.py" line="97"/>
        <source>Households still at home are listed first.</source>
        <translation>仍在家中的住户排在前面。</translation>
    </message>
</context>
<context>
    <name>AreaPanel</name>
    <message>
        <location filename="../../ui/map/area.py" line="158"/>
        <source>Draw an area with the map&apos;s polygon or circle tool to list what is inside; the crosshair tool names the nearest shelters with room from a point.</source>
        <translation>用地图上的多边形或圆形工具画出区域，即可列出区域内的对象；十字准星工具列出离某点最近、仍有空位的避灾安置场所。</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="187"/>
        <source>Name of the area, e.g. the landslide at ...</source>
        <translation>区域名称，如某地山体滑坡</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="188"/>
        <source>Save the area</source>
        <translation>保存区域</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="194"/>
        <source>Export the lists to Excel...</source>
        <translation>导出清单（Excel）…</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="198"/>
        <source>Print the lists...</source>
        <translation>打印清单...</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="204"/>
        <source>Show again</source>
        <translation>重新显示</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="209"/>
        <source>Register as a danger zone...</source>
        <translation>登记为危险区...</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="211"/>
        <source>The saved area listed becomes a danger zone of the register.</source>
        <translation>将当前列出的已保存区域登记为危险区。</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="223"/>
        <source>Double-click a row to show it on the map.</source>
        <translation>双击某行，在地图上定位。</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="264"/>
        <source>Looking ...</source>
        <translation>正在查找……</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="275"/>
        <source>The register could not be read for the area.</source>
        <translation>无法读取区域所需的基础信息。</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="302"/>
        <source>The area could not be read.</source>
        <translation>无法读取该区域。</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="307"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="311"/>
        <source>Area %1 km².</source>
        <translation>面积 %1 平方公里。</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="317"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="67"/>
        <location filename="../../ui/map/area.py" line="90"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="68"/>
        <source>Town</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="69"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="80"/>
        <source>Still at home</source>
        <translation>仍在家中</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="45"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="101"/>
        <location filename="../../ui/map/area.py" line="342"/>
        <source>Free places</source>
        <translation>空余床位</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="344"/>
        <source>Residents</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="73"/>
        <location filename="../../ui/map/area.py" line="345"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="349"/>
        <source>The nearest shelters could not be found.</source>
        <translation>无法查找最近的避灾安置场所。</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="357"/>
        <source>Nearest shelters with room, by straight-line distance:</source>
        <translation>最近的有空位避灾安置场所（按直线距离）：</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="359"/>
        <source>No shelter with room has a location.</source>
        <translation>没有有空位且有位置的避灾安置场所。</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="93"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="108"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="371"/>
        <source>Export the lists</source>
        <translation>导出清单</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="371"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/map/area.py" line="516"/>
        <source>Registered as danger zones: %1</source>
        <translation>已登记为危险区：%1</translation>
    </message>
</context>
<context>
    <name>ArrivalsDialog</name>
    <message>
        <location filename="../../ui/transfers/arrivals.py" line="86"/>
        <source>Arrivals: %1</source>
        <translation>到达登记：%1</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/arrivals.py" line="89"/>
        <source>Loading…</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/arrivals.py" line="108"/>
        <source>Print the arrivals list…</source>
        <translation>打印到达登记表…</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/arrivals.py" line="111"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/arrivals.py" line="128"/>
        <source>The arrivals could not be loaded: %1</source>
        <translation>无法读取到达记录：%1</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/arrivals.py" line="151"/>
        <source>%1: %2 people arrived in %3 check-ins during %4; %5 in the shelter now (capacity %6).</source>
        <translation>%1：%4期间共签到 %3 次，到达 %2 人；现有 %5 人（容纳 %6 人）。</translation>
    </message>
</context>
<context>
    <name>Attention</name>
    <message>
        <location filename="../../ui/transfers/attention.py" line="74"/>
        <source>below %1</source>
        <translation>转移率低于 %1</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/attention.py" line="81"/>
        <source>no change for %1 h</source>
        <translation>%1 小时无进展</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/attention.py" line="85"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/attention.py" line="92"/>
        <source>Town</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/attention.py" line="93"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/attention.py" line="119"/>
        <source>⚠ %1 towns and %2 villages need attention: completion below %3 or no change for %4 h (Settings). Click one for its responsible persons.</source>
        <translation>⚠ %1 个乡镇、%2 个村需关注：转移率低于 %3 或 %4 小时无进展（可在设置中调整）。点击一行查看其责任人。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/attention.py" line="188"/>
        <source>Grid person</source>
        <translation>网格责任人</translation>
    </message>
</context>
<context>
    <name>AttentionTable</name>
    <message>
        <location filename="../../ui/transfers/attention.py" line="148"/>
        <source>Click a town or village for its responsible persons.</source>
        <translation>点击乡镇或村，查看其责任人。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/attention.py" line="165"/>
        <source>No town or village lags behind now.</source>
        <translation>目前没有进度落后的乡镇或村。</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <location filename="../../ui/settings/audit.py" line="53"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="54"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="55"/>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="56"/>
        <source>Bulk operation</source>
        <translation>批量操作</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="57"/>
        <source>Login</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="62"/>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="63"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="64"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="65"/>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="97"/>
        <source>password changed</source>
        <translation>密码已修改</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="108"/>
        <location filename="../../ui/settings/audit.py" line="396"/>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../ui/settings/audit.py" line="229"/>
        <location filename="../../ui/settings/audit.py" line="365"/>
        <source>All tables</source>
        <translation>全部数据表</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="232"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="237"/>
        <source>User name contains</source>
        <translation>用户名包含</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="241"/>
        <source>Changes contain</source>
        <translation>变更内容包含</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="243"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="261"/>
        <source>Select a record to see every value.</source>
        <translation>选择一条记录以查看全部取值。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="305"/>
        <source>Loading…</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="323"/>
        <source>The audit log could not be read: %1</source>
        <translation>无法读取审计日志：%1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="344"/>
        <source>Showing the latest %1 records; older ones match too. Narrow the filters to see them.</source>
        <translation>仅显示最近的 %1 条记录，更早的记录也符合条件。请缩小筛选范围查看。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="350"/>
        <source>%1 records, newest first.</source>
        <translation>共 %1 条记录，最新的在前。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="352"/>
        <source>No records match these filters.</source>
        <translation>没有符合筛选条件的记录。</translation>
    </message>
</context>
<context>
    <name>CertificateForm</name>
    <message>
        <location filename="../../ui/teams/forms.py" line="386"/>
        <source>Record a certificate of %1</source>
        <translation>登记 %1 的证书</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="387"/>
        <source>Certificate</source>
        <translation>证书名称</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="387"/>
        <source>Such as 潜水员证, 急救员证</source>
        <translation>如 潜水员证、急救员证</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="388"/>
        <source>Number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="389"/>
        <source>Issued by</source>
        <translation>发证机关</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="390"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="390"/>
        <source>Such as 2027-06-30</source>
        <translation>如 2027-06-30</translation>
    </message>
</context>
<context>
    <name>CheckInPanel</name>
    <message>
        <location filename="../../ui/transfers/check_in.py" line="70"/>
        <source>Check-in at a shelter</source>
        <translation>安置点签到</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/check_in.py" line="83"/>
        <source>Name, pinyin initials, last 4 mobile digits, or scan the card code</source>
        <translation>姓名、拼音首字母、手机号后四位，或扫描转移卡</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/check_in.py" line="114"/>
        <source>Shelter:</source>
        <translation>安置场所：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/check_in.py" line="124"/>
        <source>Arrived at shelter (F2)</source>
        <translation>已到达安置场所（F2）</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/check_in.py" line="133"/>
        <source>Other: relatives, refused, forced, part… (F3)</source>
        <translation>其他情况：投亲靠友、拒绝、强制、部分转移…（F3）</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/check_in.py" line="144"/>
        <source>Find a household: name, pinyin initials, last 4 mobile digits or card code</source>
        <translation>查找住户：姓名、拼音首字母、手机号后四位或转移卡编码</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/check_in.py" line="148"/>
        <source>Your role can look households up but not check them in.</source>
        <translation>您的角色可以查询住户，但不能办理签到。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/check_in.py" line="204"/>
        <source>The search failed: %1</source>
        <translation>查询失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/check_in.py" line="206"/>
        <source>Nobody found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/check_in.py" line="232"/>
        <source>Scan a transfer card, or type a name, pinyin initials or the last 4 mobile digits. F2: arrived at the shelter chosen below. F3: any other state, or part of a household.</source>
        <translation>扫描转移卡，或输入姓名、拼音首字母、手机号后四位查找。F2：登记到达下方所选安置场所；F3：登记其他情况或部分人员转移。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/check_in.py" line="247"/>
        <source>%1: no transfer record in this event.</source>
        <translation>%1：本次事件中没有转移记录。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/check_in.py" line="250"/>
        <source>%1, %2: %3 residents, %4 moved, %5 left to move (%6).</source>
        <translation>%1，%2：居住 %3 人，已转移 %4 人，待转移 %5 人（%6）。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/check_in.py" line="280"/>
        <location filename="../../ui/transfers/check_in.py" line="304"/>
        <source>Find and select a household first.</source>
        <translation>请先查找并选中一户。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/check_in.py" line="285"/>
        <source>This household has no transfer record in this event.</source>
        <translation>该户在本次事件中没有转移记录。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/check_in.py" line="289"/>
        <source>Nobody of this household is left to move.</source>
        <translation>该户已无待转移人员。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/check_in.py" line="293"/>
        <source>Choose the shelter from the list.</source>
        <translation>请从列表中选择安置场所。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/check_in.py" line="346"/>
        <source>%1: %2 people arrived at %3.</source>
        <translation>%1：%2 人已到达 %3。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/check_in.py" line="353"/>
        <source>%1: %2 people recorded as %3.</source>
        <translation>%1：%2 人已登记为%3。</translation>
    </message>
</context>
<context>
    <name>ChecklistTab</name>
    <message>
        <location filename="../../ui/plans/checklist.py" line="65"/>
        <source>Plan code, such as ZX-01</source>
        <translation>预案编号，如 ZX-01</translation>
    </message>
    <message>
        <location filename="../../ui/plans/checklist.py" line="69"/>
        <source>Activate for the event</source>
        <translation>针对本次事件启动</translation>
    </message>
    <message>
        <location filename="../../ui/plans/checklist.py" line="72"/>
        <source>Note (optional)</source>
        <translation>备注（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/plans/checklist.py" line="73"/>
        <source>Mark the selected action done</source>
        <translation>将所选任务标记为完成</translation>
    </message>
    <message>
        <location filename="../../ui/plans/checklist.py" line="99"/>
        <source>No event in progress: a plan is activated for one.</source>
        <translation>当前没有进行中的事件：预案须针对事件启动。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/checklist.py" line="101"/>
        <source>%1: no plan activated yet.</source>
        <translation>%1：尚未启动预案。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/checklist.py" line="106"/>
        <source>%1: %2 activated %3 at %4; %5 of %6 actions done.</source>
        <translation>%1：%2 于 %3 启动，当前 %4；已完成 %5 项，共 %6 项。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/checklist.py" line="124"/>
        <source>Select an action of the checklist first.</source>
        <translation>请先在任务清单中选择一项任务。</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <location filename="../../models/checks.py" line="62"/>
        <source>... and %1 more problems like the one above.</source>
        <translation>……以及另外 %1 个同类问题。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="73"/>
        <source>Division</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="74"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="75"/>
        <source>Danger zone</source>
        <translation>危险区</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="76"/>
        <source>Shelter</source>
        <translation>避灾安置场所</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="77"/>
        <source>Working group member</source>
        <translation>工作组成员</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="105"/>
        <source>SQLite integrity check: %1</source>
        <translation>SQLite 完整性检查：%1</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="108"/>
        <source>Row %1 of table %2 refers to a missing row of table %3.</source>
        <translation>表 %2 的第 %1 行引用了表 %3 中不存在的行。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="168"/>
        <source>Division %1 has an unknown level %2.</source>
        <translation>行政区划 %1 的级别 %2 无法识别。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="176"/>
        <source>Division %1: the code should have %2 digits.</source>
        <translation>行政区划 %1：代码应为 %2 位。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="186"/>
        <source>County %1 has a parent division.</source>
        <translation>县级区划 %1 不应有上级区划。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="193"/>
        <source>Town %1 does not belong to a county.</source>
        <translation>乡镇（街道）%1 不属于任何县级区划。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="198"/>
        <source>Village %1 does not belong to a town or street.</source>
        <translation>村（社区）%1 不属于任何乡镇（街道）。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="205"/>
        <source>Division %1: the code does not start with the code of its parent %2.</source>
        <translation>行政区划 %1：代码与上级 %2 的代码不符。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="231"/>
        <source>%1 %2 belongs to %3, which is not a village or community.</source>
        <translation>%1 %2 所属的 %3 不是村（社区）。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="246"/>
        <source>Danger zone %1 is attached to grid %2 of another village.</source>
        <translation>危险区 %1 挂在其他村的网格 %2 上。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="262"/>
        <source>Danger zone %1 has an unknown kind %2.</source>
        <translation>危险区 %1 的类别 %2 无法识别。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="268"/>
        <source>Shelter %1 has an unknown level %2.</source>
        <translation>避灾安置场所 %1 的级别 %2 无法识别。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="274"/>
        <source>Working group member #%1 holds an unknown post %2.</source>
        <translation>工作组成员 #%1 的岗位 %2 无法识别。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="284"/>
        <source>Shelter %1 has a negative capacity (%2).</source>
        <translation>避灾安置场所 %1 的容量为负数（%2）。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="330"/>
        <source>%1 %2: the geometry cannot be read.</source>
        <translation>%1 %2：无法读取图形。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="338"/>
        <source>%1 %2: the geometry is invalid (%3).</source>
        <translation>%1 %2：图形无效（%3）。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="368"/>
        <source>%1 %2: the bounding box does not match the geometry.</source>
        <translation>%1 %2：外包框与图形不一致。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="407"/>
        <source>Danger zone %1 is marked as a hazard point but drawn as an area.</source>
        <translation>危险区 %1 标为隐患点，却绘成了面。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="414"/>
        <source>Danger zone %1 is marked as an area but drawn as a point.</source>
        <translation>危险区 %1 标为面，却绘成了点。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="454"/>
        <source>%1 %2 lies outside %3.</source>
        <translation>%1 %2 超出了 %3 的范围。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="480"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="481"/>
        <source>Town report</source>
        <translation>镇街上报</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="482"/>
        <source>Typhoon track point</source>
        <translation>台风路径点</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="494"/>
        <source>Transfer object</source>
        <translation>转移对象</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="514"/>
        <source>%1 %2: %3 is %4, outside its plausible range %5.</source>
        <translation>%1 %2：%3 为 %4，超出合理范围 %5。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="125"/>
        <source>The text index lacks %1 entries of %2 (rows %3): a search for part of the text may not find these rows.</source>
        <translation>文本索引缺少 %2 的 %1 个条目（行 %3）：按部分文字搜索可能找不到这些行。</translation>
    </message>
    <message>
        <location filename="../../models/checks.py" line="136"/>
        <source>The text index holds %1 entries of %2 that no text has (rows %3).</source>
        <translation>文本索引中有 %2 的 %1 个条目不属于任何文字（行 %3）。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/stock.py" line="535"/>
        <source>Supplies: the balance of batch %1 at %2 is %3, its movements add up to %4.</source>
        <translation>物资：批次 %1 在%2的库存余额为 %3，而其出入库记录合计为 %4。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/stock.py" line="549"/>
        <source>Supplies: the balance of batch %1 at %2 is negative (%3).</source>
        <translation>物资：批次 %1 在%2的库存余额为负数（%3）。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/stock.py" line="564"/>
        <source>Supplies: %1 movement lines name another warehouse than their movement.</source>
        <translation>物资：%1 条出入库明细记录的仓库与其所属出入库单不一致。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/stock.py" line="576"/>
        <source>Supplies: a balance of batch %1 names another item than its batch.</source>
        <translation>物资：批次 %1 的库存余额记录的物资与该批次不符。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/stock.py" line="592"/>
        <source>Supplies: transfer %1 was received, but its lines do not account for what was sent.</source>
        <translation>物资：调拨单 %1 已签收，但各行的实收、退回、途损数量与发出数量不符。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/stock.py" line="618"/>
        <source>Supplies: item %1 carries the code %2, which the imported GB/T 38565-2020 class table does not hold.</source>
        <translation>物资：物资 %1 的国标编码 %2 不在已导入的 GB/T 38565-2020 分类代码表中。</translation>
    </message>
    <message>
        <location filename="../../models/teams/insured.py" line="166"/>
        <source>Rescuer %1 (%2): the insurance cover kept on the person (%3) differs from what their policies give (%4), so readiness counts them wrongly.</source>
        <translation>救援队员 %1（%2）：人员记录上的保险保障期（%3）与其保单所示（%4）不符，战备统计会因此出错。</translation>
    </message>
    <message>
        <location filename="../../models/teams/insured.py" line="187"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../models/teams/insured.py" line="191"/>
        <source>, earlier cover after a gap</source>
        <translation>，此前另有中断前的保障</translation>
    </message>
</context>
<context>
    <name>Child</name>
    <message>
        <location filename="../../ui/common/child.py" line="161"/>
        <source>%1 could not be started</source>
        <translation>%1无法启动</translation>
    </message>
    <message>
        <location filename="../../ui/common/child.py" line="164"/>
        <source>%1 ended (exit code %2)</source>
        <translation>%1已结束（退出码 %2）</translation>
    </message>
</context>
<context>
    <name>CloseFollowUpDialog</name>
    <message>
        <location filename="../../ui/dutylog/dialogs.py" line="30"/>
        <source>Close a follow-up</source>
        <translation>办结跟踪事项</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/dialogs.py" line="36"/>
        <source>How it was settled</source>
        <translation>办理结果</translation>
    </message>
</context>
<context>
    <name>CloseFollowUpForm</name>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="340"/>
        <source>Close a follow-up action</source>
        <translation>关闭整改事项</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="345"/>
        <source>Closed on</source>
        <translation>关闭日期</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="346"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="346"/>
        <source>What was done</source>
        <translation>整改情况</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../models/exports/rollup.py" line="71"/>
        <location filename="../../ui/dashboard/page.py" line="39"/>
        <location filename="../../ui/map/typhoon.py" line="87"/>
        <location filename="../../ui/transfers/attention.py" line="52"/>
        <location filename="../../ui/transfers/rows.py" line="145"/>
        <location filename="../../ui/transfers/rows.py" line="149"/>
        <location filename="../../ui/transfers/rows.py" line="208"/>
        <source>Town / street</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="40"/>
        <source>Division code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="42"/>
        <source>Villages</source>
        <translation>村（社区）数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="44"/>
        <source>Grids</source>
        <translation>网格数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="47"/>
        <source>Danger zones</source>
        <translation>危险区（点）数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="52"/>
        <source>Shelters</source>
        <translation>避灾安置场所</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="56"/>
        <source>Shelter capacity</source>
        <translation>安置容量（人）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="62"/>
        <source>Working group members</source>
        <translation>工作组成员数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="109"/>
        <source>Attention</source>
        <translation>需关注</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="72"/>
        <location filename="../../ui/dashboard/page.py" line="92"/>
        <location filename="../../ui/transfers/rows.py" line="105"/>
        <source>People to move</source>
        <translation>应转移</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="73"/>
        <location filename="../../ui/dashboard/page.py" line="96"/>
        <location filename="../../ui/transfers/rows.py" line="109"/>
        <location filename="../../ui/transfers/rows.py" line="281"/>
        <source>Moved</source>
        <translation>已转移</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="74"/>
        <location filename="../../ui/transfers/rows.py" line="112"/>
        <source>In shelters</source>
        <translation>集中安置</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="75"/>
        <location filename="../../ui/transfers/rows.py" line="118"/>
        <source>With relatives</source>
        <translation>投亲靠友</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="76"/>
        <location filename="../../ui/transfers/rows.py" line="124"/>
        <source>Forcibly moved</source>
        <translation>强制转移</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="77"/>
        <location filename="../../ui/transfers/rows.py" line="129"/>
        <source>Refused</source>
        <translation>拒绝转移</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="78"/>
        <location filename="../../ui/dashboard/page.py" line="99"/>
        <location filename="../../ui/transfers/attention.py" line="61"/>
        <location filename="../../ui/transfers/rows.py" line="133"/>
        <source>Still at home</source>
        <translation>尚未转移</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="79"/>
        <location filename="../../ui/dashboard/page.py" line="105"/>
        <location filename="../../ui/transfers/attention.py" line="55"/>
        <location filename="../../ui/transfers/rows.py" line="139"/>
        <source>Completion rate</source>
        <translation>转移率</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="249"/>
        <location filename="../../ui/transfers/rows.py" line="209"/>
        <source>Reported by</source>
        <translation>报送人</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="250"/>
        <location filename="../../ui/transfers/rows.py" line="207"/>
        <source>Reported at</source>
        <translation>报送时间</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="43"/>
        <location filename="../../ui/transfers/rows.py" line="228"/>
        <location filename="../../ui/transfers/rows.py" line="282"/>
        <source>Shelter</source>
        <translation>避灾安置场所</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="45"/>
        <location filename="../../ui/transfers/rows.py" line="231"/>
        <source>Capacity</source>
        <translation>容纳人数</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="221"/>
        <location filename="../../ui/transfers/rows.py" line="235"/>
        <source>In shelter</source>
        <translation>在场人数</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="58"/>
        <source>Reached</source>
        <translation>波及对象</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="61"/>
        <source>Force 7
now</source>
        <translation>7级风圈
该时刻</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="67"/>
        <source>Force 10
now</source>
        <translation>10级风圈
该时刻</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="73"/>
        <source>Force 7
ahead</source>
        <translation>7级风圈
此后途经</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="79"/>
        <source>Force 10
ahead</source>
        <translation>10级风圈
此后途经</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="88"/>
        <location filename="../../ui/transfers/attention.py" line="193"/>
        <location filename="../../ui/transfers/lists.py" line="44"/>
        <location filename="../../ui/transfers/lists.py" line="51"/>
        <location filename="../../ui/transfers/lists.py" line="63"/>
        <location filename="../../ui/transfers/rows.py" line="152"/>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="89"/>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="46"/>
        <source>People assigned</source>
        <translation>安排人数</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="47"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="48"/>
        <source>Other objects</source>
        <translation>其他对象</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="53"/>
        <location filename="../../ui/transfers/lists.py" line="57"/>
        <source>Danger zone</source>
        <translation>危险区</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="56"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="60"/>
        <location filename="../../ui/transfers/rows.py" line="159"/>
        <source>Danger zone type</source>
        <translation>危险区类型</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/attention.py" line="50"/>
        <location filename="../../ui/transfers/rows.py" line="194"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/attention.py" line="65"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/attention.py" line="194"/>
        <source>Responsibility</source>
        <translation>职责</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/attention.py" line="196"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/attention.py" line="197"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="86"/>
        <location filename="../../ui/transfers/attention.py" line="51"/>
        <location filename="../../ui/transfers/attention.py" line="195"/>
        <location filename="../../ui/transfers/rows.py" line="195"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="196"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="199"/>
        <source>At the last report</source>
        <translation>上次报送</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="203"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="204"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="222"/>
        <location filename="../../ui/transfers/rows.py" line="240"/>
        <source>Arrivals</source>
        <translation>到达人数</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="224"/>
        <location filename="../../ui/transfers/rows.py" line="244"/>
        <source>Still expected</source>
        <translation>待到达</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="249"/>
        <source>Occupancy</source>
        <translation>占用率</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="253"/>
        <source>Over capacity</source>
        <translation>超出容量</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="257"/>
        <source>Nearest with room</source>
        <translation>就近有空余的安置场所</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/arrivals.py" line="53"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/arrivals.py" line="54"/>
        <location filename="../../ui/transfers/lists.py" line="52"/>
        <location filename="../../ui/transfers/rows.py" line="261"/>
        <source>Household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/arrivals.py" line="55"/>
        <location filename="../../ui/transfers/rows.py" line="262"/>
        <source>Town and village</source>
        <translation>乡镇、村</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/arrivals.py" line="58"/>
        <location filename="../../ui/transfers/rows.py" line="265"/>
        <source>Residents</source>
        <translation>居住人数</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/arrivals.py" line="59"/>
        <location filename="../../ui/transfers/rows.py" line="212"/>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/arrivals.py" line="60"/>
        <source>Where</source>
        <translation>登记点</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="271"/>
        <source>Left to move</source>
        <translation>待转移</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="277"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/arrivals.py" line="56"/>
        <location filename="../../ui/transfers/rows.py" line="283"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="284"/>
        <source>Card code</source>
        <translation>转移卡编码</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="461"/>
        <location filename="../../ui/transfers/arrivals.py" line="57"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="465"/>
        <location filename="../../ui/transfers/rows.py" line="211"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CommandColumns</name>
    <message>
        <location filename="../../ui/command/tables.py" line="53"/>
        <location filename="../../ui/command/tables.py" line="62"/>
        <location filename="../../ui/command/tables.py" line="71"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="54"/>
        <location filename="../../ui/command/tables.py" line="64"/>
        <source>From</source>
        <translation>变更前</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="55"/>
        <location filename="../../ui/command/tables.py" line="66"/>
        <source>To</source>
        <translation>变更后</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="56"/>
        <source>Signed by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="57"/>
        <location filename="../../ui/command/tables.py" line="67"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="58"/>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="59"/>
        <location filename="../../ui/command/tables.py" line="68"/>
        <location filename="../../ui/command/tables.py" line="78"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="73"/>
        <location filename="../../ui/command/tables.py" line="90"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="75"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="76"/>
        <source>Town or village</source>
        <translation>乡镇或村</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="77"/>
        <source>What happened</source>
        <translation>情况</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="81"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="82"/>
        <source>Officers on duty</source>
        <translation>值班人员</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="83"/>
        <source>Leader on shift</source>
        <translation>带班领导</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="84"/>
        <source>Leader&apos;s phone</source>
        <translation>带班领导电话</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="85"/>
        <source>Set by</source>
        <translation>设置人</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="88"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="89"/>
        <source>Abbreviation</source>
        <translation>简称</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="91"/>
        <source>Duty phone</source>
        <translation>值班电话</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="92"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="93"/>
        <source>Contact&apos;s mobile</source>
        <translation>联系人手机</translation>
    </message>
    <message>
        <location filename="../../ui/command/tables.py" line="94"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../../ui/cli/core.py" line="94"/>
        <source>no such file or folder</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="95"/>
        <location filename="../../ui/cli/core.py" line="96"/>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="97"/>
        <source>the disk is read-only</source>
        <translation>磁盘是只读的</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="98"/>
        <location filename="../../ui/cli/core.py" line="99"/>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="100"/>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="101"/>
        <source>a part of the path is not a folder</source>
        <translation>路径中有一部分不是文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="102"/>
        <source>the name is too long</source>
        <translation>名称太长</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="117"/>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="174"/>
        <source>Not a database URL the console can use: %1. Give a SQLite file (path/to/file.sqlite) or postgresql://user@host:5432/database.</source>
        <translation>不是本系统可用的数据库地址（--db）：%1。请给出 SQLite 文件（路径/文件.sqlite）或 postgresql://用户@主机:5432/数据库。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="217"/>
        <source>Database upgraded; backup written to %1</source>
        <translation>数据库已升级；备份已写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="259"/>
        <source>Cannot connect to the database %1: %2</source>
        <translation>无法连接数据库 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="295"/>
        <source>Repeat the password: </source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="298"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="304"/>
        <source>No password given (set %1 or pipe it on standard input).</source>
        <translation>未提供密码（请设置 %1 或从标准输入传入）。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="332"/>
        <source>On a PostgreSQL database --user NAME is required.</source>
        <translation>使用 PostgreSQL 数据库时必须用 --user 用户名 指定用户。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="356"/>
        <source>Exit codes: 0 done, 1 refused, 2 usage, 3 unexpected error, 4 written in part (an import with --valid-only wrote its valid rows and refused others).</source>
        <translation>退出码：0=完成，1=被拒绝，2=用法错误，3=意外错误，4=部分写入（带 --valid-only 的导入写入了有效的行，拒绝了其余的行）。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="375"/>
        <source>act as this user (password from ECC_PASSWORD or standard input); without it, on SQLite, the local operator: maintenance, imports, masked exports and printouts</source>
        <translation>以此用户身份操作（密码取自 ECC_PASSWORD 或标准输入）；不指定时（仅 SQLite）为本机操作员：可维护数据库、导入、导出和打印脱敏资料</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="384"/>
        <source>open the window, log --user in, close it once the first page is shown: a check that this desktop can run the console</source>
        <translation>打开窗口，以 --user 登录，首页显示后即关闭：检查本机桌面能否运行调度台</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_gui.py" line="22"/>
        <source>--smoke needs --user NAME.</source>
        <translation>--smoke 需要 --user 用户名。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_gui.py" line="25"/>
        <location filename="../../ui/cli/cmd_user.py" line="110"/>
        <location filename="../../ui/cli/core.py" line="322"/>
        <source>Password for %1: </source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_demo.py" line="21"/>
        <source>Build the deterministic demo county. The demo accounts (published passwords) are added only to a database without users; a database with users keeps them and gets no demo account.</source>
        <translation>生成确定性的演示县。演示账号（密码公开）只添加到尚无用户的数据库；已有用户的数据库保留其用户，不添加演示账号。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_demo.py" line="37"/>
        <source>replace the data of a demo database; any other database is backed up first (the command says where)</source>
        <translation>替换演示数据库的数据；其他数据库先备份（命令会给出备份位置）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_demo.py" line="84"/>
        <source>This is not a demo database. Its data were backed up to %1 before being replaced; its users are kept and no demo account is added.</source>
        <translation>这不是演示数据库。替换前已将其数据备份到 %1；其用户保留，不添加演示账号。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_demo.py" line="94"/>
        <source>Building the demo county (scale %1) in %2 ...</source>
        <translation>正在生成演示县（规模 %1），数据库：%2 ……</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_demo.py" line="112"/>
        <source>Demo county built: %1 towns, %2 villages, %3 grids, %4 danger zones, %5 shelters.</source>
        <translation>演示县已生成：乡镇（街道）%1 个，村（社区）%2 个，责任网格 %3 个，危险区（点）%4 处，避灾安置场所 %5 个。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_demo.py" line="125"/>
        <source>Transfer lists: %1 households, %2 other objects; a demo typhoon.</source>
        <translation>转移清单：住户 %1 户，其他转移对象 %2 个；另有一个演示台风。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_demo.py" line="135"/>
        <source>Supplies: %1 warehouses, %2 items, %3 movements.</source>
        <translation>应急物资：仓库 %1 个，物资 %2 种，出入库记录 %3 条。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_demo.py" line="153"/>
        <source>Demo accounts (user / password):</source>
        <translation>演示账号（用户名 / 密码）：</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="159"/>
        <source>The database is up to date (revision %1).</source>
        <translation>数据库已是最新版本（版本 %1）。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="114"/>
        <location filename="../../ui/cli/cmd_db.py" line="169"/>
        <source>Backup written to %1</source>
        <translation>备份已写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="26"/>
        <source>upgrade, back up, restore or check the database</source>
        <translation>升级、备份、恢复或检查数据库</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="45"/>
        <source>replace PATH if it exists</source>
        <translation>PATH 已存在时覆盖它</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="49"/>
        <source>replace the database with a backup (SQLite: the current file is kept in the backups folder; PostgreSQL: into an empty database only)</source>
        <translation>用备份替换数据库（SQLite：当前文件先保存到 backups 文件夹；PostgreSQL：只恢复到空数据库）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="58"/>
        <source>PostgreSQL: give a login role what workstations need (run as the owner of the tables)</source>
        <translation>PostgreSQL：授予工作站登录角色所需的权限（须以数据表所有者身份运行）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="66"/>
        <source>check integrity and invariants (exit 1 on problems or a pending migration)</source>
        <translation>检查完整性和数据约束（发现问题或有待执行的迁移时退出码为 1）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="94"/>
        <source>%1 already exists. Choose another name, or add --force to replace it.</source>
        <translation>%1 已存在。请换一个文件名，或加 --force 覆盖它。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="104"/>
        <source>%1 is a folder: give the name of the backup file.</source>
        <translation>%1 是文件夹：请给出备份文件的文件名。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="131"/>
        <source>The database as it was is kept in %1</source>
        <translation>恢复前的数据库已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="137"/>
        <source>Restored from %1 (revision %2).</source>
        <translation>已从 %1 恢复（版本 %2）。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="145"/>
        <location filename="../../ui/cli/cmd_db.py" line="173"/>
        <source>Database upgraded to revision %1.</source>
        <translation>数据库已升级到版本 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="193"/>
        <source>Role %1 may now use the console: it reads and writes the register and adds to the audit log; it may not change the schema, empty a table or alter the logs.</source>
        <translation>角色 %1 现在可以使用调度台：可读写台账、追加审计日志；不能修改表结构、清空数据表或改动日志。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="217"/>
        <source>The database file is damaged (%1). Restore the last backup with db restore FILE.</source>
        <translation>数据库文件已损坏（%1）。请用 db restore FILE 恢复最近的备份。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="243"/>
        <source>The database holds no console tables yet: run db upgrade.</source>
        <translation>数据库中还没有调度台的数据表：请先运行 db upgrade。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="248"/>
        <source>A migration is pending: the database is at revision %1, this console needs %2. Run db upgrade (it backs up a SQLite file first), then check again.</source>
        <translation>有待执行的数据库迁移：数据库为版本 %1，本调度台需要版本 %2。请先运行 db upgrade（SQLite 文件会先备份），再检查。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="270"/>
        <source>%1 problems found.</source>
        <translation>共发现 %1 个问题。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="274"/>
        <source>The database passed every check.</source>
        <translation>数据库通过全部检查。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="344"/>
        <source>Only an administrator may do this.</source>
        <translation>只有管理员可以执行此操作。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="28"/>
        <source>Manage users (administrators; on a database without users the local operator creates the first administrator). The acting user&apos;s password comes from ECC_PASSWORD or standard input; a new user&apos;s password from ECC_NEW_PASSWORD, a prompt, or the next line of standard input.</source>
        <translation>管理用户（限管理员；尚无用户的数据库由本机操作员创建第一个管理员）。操作用户的密码取自 ECC_PASSWORD 或标准输入；新用户的密码取自 ECC_NEW_PASSWORD、提示输入或标准输入的下一行。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="37"/>
        <source>add a user (password from ECC_NEW_PASSWORD, a prompt or standard input; the first user of a database is its administrator)</source>
        <translation>添加用户（密码取自 ECC_NEW_PASSWORD、提示输入或标准输入；数据库的第一个用户为管理员）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="45"/>
        <source>Add a user. The new user&apos;s password comes from ECC_NEW_PASSWORD, else its own prompt, else the next line of standard input; never from ECC_PASSWORD, which holds the password of the administrator acting with --user. The first user of a database without users is its administrator (no --user needed).</source>
        <translation>添加用户。新用户的密码取自 ECC_NEW_PASSWORD，否则提示输入，否则取标准输入的下一行；绝不取自 ECC_PASSWORD（那是用 --user 操作的管理员本人的密码）。尚无用户的数据库，第一个用户即为管理员（无需 --user）。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="57"/>
        <source>the user&apos;s role (admin for the first user of a database)</source>
        <translation>用户角色（数据库的第一个用户为 admin）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="63"/>
        <source>list the users: name, role, active or not, last login</source>
        <translation>列出用户：用户名、角色、是否启用、最近登录</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="68"/>
        <source>stop a user&apos;s logins</source>
        <translation>停用用户（不再允许登录）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="69"/>
        <source>allow a user&apos;s logins again</source>
        <translation>重新启用用户</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="103"/>
        <source>Name the new user&apos;s role: --role admin|duty|planner|clerk|viewer</source>
        <translation>请指定新用户的角色：--role admin|duty|planner|clerk|viewer</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="118"/>
        <source>User %1 added with role %2.</source>
        <translation>已添加用户 %1，角色：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="133"/>
        <source>never</source>
        <translation>从未登录</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="136"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="137"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="138"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="139"/>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="147"/>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="149"/>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="179"/>
        <source>User %1 may log in again.</source>
        <translation>用户 %1 已重新启用，可以登录。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="181"/>
        <source>User %1 may no longer log in.</source>
        <translation>用户 %1 已停用，不能再登录。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_import.py" line="72"/>
        <source>Nothing was written: another user changed the same records at the same time. Run the import again.</source>
        <translation>未写入任何数据：其他用户同时修改了相同的记录。请重新导入。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_map.py" line="52"/>
        <location filename="../../ui/cli/documents.py" line="65"/>
        <source>Written to %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_map.py" line="92"/>
        <source>%1 features on the map.</source>
        <translation>地图上共有 %1 个对象。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_demo.py" line="146"/>
        <source>Event in progress: %1 (transfers part done).</source>
        <translation>进行中的事件：%1（转移已部分完成）。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/documents.py" line="59"/>
        <source>%1 pages written to %2</source>
        <translation>已将 %1 页写入 %2</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_screenshot.py" line="40"/>
        <source>--size must look like 1600x1000, each side from %1 to %2</source>
        <translation>--size 应写成 1600x1000 的形式，宽和高均在 %1 到 %2 之间</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_screenshot.py" line="48"/>
        <source>Screenshot written to %1</source>
        <translation>截图已写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="353"/>
        <source>Emergency Command Console. With no subcommand the console window opens.</source>
        <translation>应急指挥调度台。不带子命令时打开调度台窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="365"/>
        <source>database URL or SQLite file</source>
        <translation>数据库地址或 SQLite 文件</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="370"/>
        <source>language of messages</source>
        <translation>提示信息的语言</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_demo.py" line="20"/>
        <source>build the demo county</source>
        <translation>生成演示县</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_demo.py" line="32"/>
        <source>multiply the counts (performance work)</source>
        <translation>数量倍数（用于性能测试）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_demo.py" line="46"/>
        <source>also build a situation: typhoon = the demo typhoon&apos;s event in progress, transfers part done</source>
        <translation>同时构建情景：typhoon = 演示台风事件进行中，转移已部分完成</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_demo.py" line="55"/>
        <source>open the console afterwards (and skip building if the demo is already there)</source>
        <translation>完成后打开调度台（已有演示县时不再生成）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="33"/>
        <source>apply pending migrations (backs up a SQLite file first)</source>
        <translation>执行待升级的数据库迁移（先备份 SQLite 文件）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_db.py" line="39"/>
        <source>write a consistent copy of the database</source>
        <translation>写出数据库的一致性副本</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_user.py" line="27"/>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_import.py" line="20"/>
        <source>import data from a file</source>
        <translation>从文件导入数据</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_import.py" line="26"/>
        <source>what the file holds</source>
        <translation>文件内容的类别</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="134"/>
        <source>only check and report; write nothing</source>
        <translation>只检查并报告，不写入</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="142"/>
        <source>import the valid rows and report the refused ones (exit code 4: written in part)</source>
        <translation>导入有效的行并报告被拒绝的行（部分写入时退出码为4）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="226"/>
        <source>coordinate system of the file: wgs84, cgcs2000, gcj02, bd09 or EPSG:NNNN (default: a Shapefile&apos;s .prj, else wgs84)</source>
        <translation>文件的坐标系：wgs84、cgcs2000、gcj02、bd09 或 EPSG:NNNN（默认：取 Shapefile 的 .prj，否则为 wgs84）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="238"/>
        <source>the attribute holding the code, when the file names it in its own way (default: found by its usual names: adcode, gb, XZQDM, 区划代码 for divisions, 网格编码 for grids, 编码 for danger zones)</source>
        <translation>存放代码的属性字段（文件自有命名时指定；默认按常用字段名识别：区划为 adcode、gb、XZQDM、区划代码，网格为 网格编码，危险区为 编码）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="251"/>
        <source>the attribute holding the name, when the file names it in its own way (default: found by its usual names, such as name, NAME, XZQMC, 名称)</source>
        <translation>存放名称的属性字段（文件自有命名时指定；默认按常用字段名识别，如 name、NAME、XZQMC、名称）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="263"/>
        <source>a feature lying outside the village it names goes to the village whose outline contains it (else it is refused); the report lists each one moved</source>
        <translation>要素不在其所填村的边界内时，归入包含它的村（否则拒绝导入）；报告逐条列出改归的要素</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="313"/>
        <source>the county the list belongs to, when the list has no row for it (the statistics bureau&apos;s list has none)</source>
        <translation>清单所属的县（市、区），用于清单中没有该县本身一行时（统计局的清单即无此行）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="327"/>
        <source>the county&apos;s name, for a county the database does not hold yet</source>
        <translation>县（市、区）名称，数据库中尚无该县时需填写</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="356"/>
        <source>the village, when the title row does not name it</source>
        <translation>标题行未写明村时，指定村代码</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="369"/>
        <source>the year of the list</source>
        <translation>清单年份</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="379"/>
        <source>coordinate system of the list: wgs84, cgcs2000, gcj02 or bd09 (default wgs84)</source>
        <translation>清单的坐标系：wgs84、cgcs2000、gcj02 或 bd09（默认 wgs84）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="414"/>
        <source>its number, such as 2609</source>
        <translation>台风编号，如 2609</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="421"/>
        <source>its name, such as 烟花</source>
        <translation>台风名称，如 烟花</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="456"/>
        <source>the code of the plan whose latest version takes the actions (they replace its structured content)</source>
        <translation>其最新版本接收这些任务的预案编号（任务将替换该版本的结构化内容）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="474"/>
        <source>coordinate system of the warehouses&apos; longitude and latitude: wgs84, cgcs2000, gcj02 or bd09 (default wgs84)</source>
        <translation>仓库经纬度的坐标系：wgs84、cgcs2000、gcj02 或 bd09（默认 wgs84）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="512"/>
        <source>coordinate system of the bases&apos; longitude and latitude: wgs84, cgcs2000, gcj02 (Amap, Tencent) or bd09 (Baidu) (default wgs84)</source>
        <translation>驻地经纬度的坐标系：wgs84、cgcs2000、gcj02（高德、腾讯）或 bd09（百度）（默认 wgs84）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="532"/>
        <source>the team the roster belongs to, when neither its title nor a 所属队伍 column names it</source>
        <translation>花名册所属的队伍（标题和“所属队伍”列都未写明时）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_export.py" line="15"/>
        <source>export data to a file</source>
        <translation>将数据导出到文件</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_print.py" line="17"/>
        <source>print a document to PDF (Chinese fonts embedded)</source>
        <translation>将文档打印为 PDF（嵌入中文字体）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_map.py" line="18"/>
        <source>typhoon reach and offline map export</source>
        <translation>台风影响范围与离线地图导出</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_map.py" line="23"/>
        <source>what the typhoon&apos;s force-7 and force-10 winds reach, to Excel</source>
        <translation>台风七级、十级风圈影响范围，导出为 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_map.py" line="38"/>
        <source>a self-contained map page that opens offline in any browser</source>
        <translation>可在任意浏览器中离线打开的独立地图页面</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_screenshot.py" line="20"/>
        <source>render a page offscreen to a PNG file</source>
        <translation>离屏渲染页面并保存为 PNG 文件</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="442"/>
        <source>No display found: the console window needs a desktop session.</source>
        <translation>未找到显示器：调度台窗口需要在桌面会话中运行。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="450"/>
        <source>The console window cannot start: the system library %1 is missing (on Debian the package %2; bash .ci/setup as root installs it).</source>
        <translation>调度台窗口无法启动：缺少系统库 %1（Debian 上为软件包 %2；以 root 身份运行 bash .ci/setup 即可安装）。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="482"/>
        <source>Interrupted.</source>
        <translation>已中断。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="497"/>
        <source>Cannot use %1: %2.</source>
        <translation>无法使用 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="506"/>
        <source>Unexpected error (%1); details are in %2</source>
        <translation>发生意外错误（%1），详细信息见 %2</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_gui.py" line="33"/>
        <source>Database upgrade needed</source>
        <translation>数据库需要升级</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="29"/>
        <source>the event in progress and its response level</source>
        <translation>当前事件及其应急响应等级</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="36"/>
        <source>start an event (one at a time)</source>
        <translation>启动事件（同一时间只能有一个）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="43"/>
        <source>the event&apos;s number, such as 2026-06</source>
        <translation>事件编号，如 2026-06</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="49"/>
        <source>the typhoon it follows, such as 2606</source>
        <translation>关联的台风编号，如 2606</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="54"/>
        <source>the county, or the towns concerned</source>
        <translation>涉及区域：全县或相关乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="59"/>
        <source>an area drawn on the map and saved</source>
        <translation>在地图上绘制并保存的区域</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="64"/>
        <source>when it started (default: now)</source>
        <translation>开始时间（默认为现在）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="69"/>
        <source>change the response level (sea, IV, III, II, I or lifted)</source>
        <translation>调整应急响应等级（sea 海上防台风、IV、III、II、I 或 lifted 解除）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="77"/>
        <source>the leader who signed (default: the leader on shift by the roster)</source>
        <translation>签发的带班领导（默认：值班表上的带班领导）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="86"/>
        <source>when it took effect (default: now)</source>
        <translation>生效时间（默认为现在）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="91"/>
        <source>change the event&apos;s grade</source>
        <translation>调整事件等级</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="99"/>
        <source>log an incident under the event</source>
        <translation>登记本事件中发生的次生事件</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="44"/>
        <source>what was said or done</source>
        <translation>来电内容或处理情况</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="50"/>
        <source>when it happened (default: now; earlier needs --late-reason)</source>
        <translation>发生时间（默认现在；补记较早时间须加 --late-reason）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="58"/>
        <source>why the entry is logged late</source>
        <translation>补记原因</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="63"/>
        <source>the caller&apos;s unit</source>
        <translation>来电单位</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="70"/>
        <source>the caller&apos;s member unit, by its id</source>
        <translation>来电的成员单位编号</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="77"/>
        <source>the leader&apos;s instruction and handling</source>
        <translation>领导批示及处理情况</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="82"/>
        <location filename="../../ui/cli/cmd_event.py" line="107"/>
        <source>the town or village code</source>
        <translation>乡镇或村的区划代码</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="89"/>
        <source>a follow-up falling due then</source>
        <translation>跟踪事项的到期时间</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="98"/>
        <source>the rescue team concerned, by its name or a part of it</source>
        <translation>涉及的救援队伍（名称或名称的一部分）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="105"/>
        <source>the warehouse concerned, by its name or a part of it</source>
        <translation>涉及的物资仓库（名称或名称的一部分）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="112"/>
        <source>entries whose team or warehouse (or older free text) holds it</source>
        <translation>涉及的队伍或仓库名称（或早期的自由文本）包含该文字的日志</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="116"/>
        <source>the team or warehouse concerned, by its full name</source>
        <translation>涉及的救援队伍或物资仓库（全称）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="128"/>
        <source>the duty log: calls, instructions, follow-ups and handovers</source>
        <translation>值班日志：来电、指示、跟踪事项和交接班</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="134"/>
        <source>log an entry</source>
        <translation>记录一条日志</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="140"/>
        <source>list and search the log</source>
        <translation>列出和查询日志</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="146"/>
        <source>entries whose content holds it</source>
        <translation>内容包含该文字的日志</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="156"/>
        <source>only the follow-ups still open</source>
        <translation>只列未办结的跟踪事项</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="162"/>
        <source>correct an entry (a new entry; the facts not given are kept)</source>
        <translation>更正一条日志（另记一条；未给出的内容保持原样）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="171"/>
        <source>why it is corrected</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="175"/>
        <source>close a follow-up</source>
        <translation>办结跟踪事项</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="182"/>
        <source>how it was settled</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="187"/>
        <source>hand the shift over (passwords from ECC_FROM_PASSWORD and ECC_TO_PASSWORD)</source>
        <translation>交接班（密码取自 ECC_FROM_PASSWORD 和 ECC_TO_PASSWORD）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="198"/>
        <source>the open items for the next shift</source>
        <translation>留给下一班的遗留问题</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="271"/>
        <source>Entry %1 logged.</source>
        <translation>已记录日志 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="279"/>
        <source>Entry %1 corrected by entry %2.</source>
        <translation>日志 %1 已由日志 %2 更正。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="286"/>
        <source>Follow-up closed by entry %1.</source>
        <translation>跟踪事项已办结（日志 %1）。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="331"/>
        <source>No entry matches.</source>
        <translation>没有符合条件的日志。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="340"/>
        <location filename="../../ui/cli/cmd_dutylog.py" line="344"/>
        <source>Password of %1: </source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_dutylog.py" line="358"/>
        <source>Shift handed over by %1 to %2 (handover %3): %4 entries, %5 follow-ups open.</source>
        <translation>%1 已向 %2 交班（交接记录 %3）：本班日志 %4 条，未办结跟踪事项 %5 项。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="113"/>
        <source>end the event in progress</source>
        <translation>结束当前事件</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="119"/>
        <source>the leader who signed the lifting of the response (default: the leader on shift)</source>
        <translation>签发解除响应的带班领导（默认：当班带班领导）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="130"/>
        <source>the event, its level history and incidents</source>
        <translation>查看事件、响应等级变更记录和次生事件</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="157"/>
        <source>Unknown response level %1: give sea, IV, III, II, I or lifted.</source>
        <translation>未知的响应等级 %1：请填写 sea（海上防台风）、IV、III、II、I 或 lifted（解除）。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="195"/>
        <source>Event %1 started (ID %2).</source>
        <translation>事件 %1 已启动（ID %2）。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="217"/>
        <location filename="../../ui/cli/cmd_event.py" line="300"/>
        <source>Response level now: %1</source>
        <translation>当前应急响应等级：%1</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="224"/>
        <source>The grade was changed.</source>
        <translation>事件等级已调整。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="235"/>
        <source>The incident was logged.</source>
        <translation>次生事件已登记。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="246"/>
        <source>Event %1 ended.</source>
        <translation>事件 %1 已结束。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="273"/>
        <source>Event %1 (ID %2): %3</source>
        <translation>事件 %1（ID %2）：%3</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="279"/>
        <source>Number: %1 · grade: %2 · typhoon: %3 · area: %4</source>
        <translation>事件编号：%1 · 事件等级：%2 · 台风：%3 · 区域：%4</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="288"/>
        <source>Drawn area: %1</source>
        <translation>绘制区域：%1</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="293"/>
        <source>Started %1 · ended %2</source>
        <translation>开始 %1 · 结束 %2</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="297"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="303"/>
        <source>Level changes:</source>
        <translation>响应等级变更记录：</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="305"/>
        <source>No level change recorded.</source>
        <translation>尚无响应等级变更记录。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="311"/>
        <source>%1  %2 → %3  signed by %4, recorded by %5, document %6: %7</source>
        <translation>%1  %2 → %3  签发：%4，记录：%5，文号：%6；理由：%7</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="327"/>
        <source>%1  grade %2 → %3 (%4): %5</source>
        <translation>%1  事件等级 %2 → %3（%4）：%5</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_event.py" line="336"/>
        <source>Incidents:</source>
        <translation>次生事件：</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_roster.py" line="18"/>
        <source>the duty roster: officers and the leader on shift</source>
        <translation>值班表：值班人员和带班领导</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_roster.py" line="23"/>
        <source>the duty day, such as 2026-12-07 (default: today&apos;s, from 08:00)</source>
        <translation>值班日，如 2026-12-07（默认：今天，自 08:00 起）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_roster.py" line="27"/>
        <source>set who is on duty for a shift</source>
        <translation>设置一个班次的值班人员</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_roster.py" line="36"/>
        <source>an officer on duty (repeat for more)</source>
        <translation>值班人员（多人时重复此选项）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_roster.py" line="42"/>
        <source>the leader on shift</source>
        <translation>带班领导</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_roster.py" line="46"/>
        <source>the roster of a day</source>
        <translation>某一天的值班表</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_roster.py" line="70"/>
        <source>Roster of %1, %2: officers %3, leader %4.</source>
        <translation>%1 %2 值班表：值班人员 %3，带班领导 %4。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_roster.py" line="85"/>
        <source>No roster for %1: set it with roster set.</source>
        <translation>%1 没有值班表：请用 roster set 设置。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_roster.py" line="92"/>
        <source>Duty roster of %1</source>
        <translation>%1 值班表</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_roster.py" line="97"/>
        <source>%1: officers %2 · leader on shift %3 %4</source>
        <translation>%1：值班人员 %2 · 带班领导 %3 %4</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="29"/>
        <source>reports upward of an event: draft, edit, sign, send, list, due</source>
        <translation>事件的上报报告：起草、修改、签发、报送、列表、到期提醒</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="38"/>
        <source>draft a report from the event&apos;s facts (initial, followup, daily, final)</source>
        <translation>根据事件情况起草报告（initial 首报、followup 续报、daily 日报、final 终报）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="47"/>
        <source>replace a draft&apos;s text with a file&apos;s</source>
        <translation>用文件内容替换草稿正文</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="55"/>
        <source>UTF-8 text, one paragraph a line</source>
        <translation>UTF-8 文本，每行一段</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="61"/>
        <source>record the leader&apos;s signature; the report is numbered</source>
        <translation>登记领导签发，报告随即编号</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="70"/>
        <source>the leader who signed</source>
        <translation>签发领导</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="75"/>
        <source>record a signed report as sent</source>
        <translation>登记已签发报告的报送</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="83"/>
        <source>member units by name or abbreviation</source>
        <translation>成员单位名称或简称</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="87"/>
        <source>the event&apos;s reports</source>
        <translation>事件的报告</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="92"/>
        <source>the reports due, soonest first</source>
        <translation>到期应报的报告，最早的在前</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="97"/>
        <source>show or set the issuer and the abbreviation numbers start with</source>
        <translation>查看或设置发文机关及文号的机关代字</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="106"/>
        <source>show the deadlines, or set one by report kind and event grade</source>
        <translation>查看报送时限，或按报告类别和事件等级设置时限</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="117"/>
        <source>when daily reports start and the hour they are due</source>
        <translation>日报开始的时间和每日报送时刻</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="134"/>
        <source>%1 is too large for a report&apos;s text.</source>
        <translation>%1 过大，不能作为报告正文。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="144"/>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="153"/>
        <source>%1 is not UTF-8 text.</source>
        <translation>%1 不是 UTF-8 文本。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="184"/>
        <source>Give the kind, the grade and --written MINUTES.</source>
        <translation>请给出报告类别、事件等级和 --written 分钟数。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="190"/>
        <source>Give both --name and --abbreviation.</source>
        <translation>请同时给出 --name 和 --abbreviation。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="197"/>
        <source>%1 drafted (report ID %2): %3</source>
        <translation>已起草%1（报告 ID %2）：%3</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="207"/>
        <source>The text of %1 was replaced.</source>
        <translation>%1的正文已替换。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="212"/>
        <source>%1 signed by %2, numbered %3.</source>
        <translation>%1已由%2签发，文号 %3。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="220"/>
        <source>%1 (%2) sent at %3 to %4.</source>
        <translation>%1（%2）已于 %3 报送%4。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="229"/>
        <location filename="../../ui/cli/cmd_report.py" line="342"/>
        <source>Issuer: %1 (%2)</source>
        <translation>发文机关：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="241"/>
        <source>The deadline was set.</source>
        <translation>时限已设置。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="244"/>
        <source>The daily report&apos;s hours were set.</source>
        <translation>日报时间已设置。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="259"/>
        <source>No report is due.</source>
        <translation>目前没有到期应报的报告。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="263"/>
        <source>%1 min overdue</source>
        <translation>已超时 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="266"/>
        <source>%1 min left</source>
        <translation>剩余 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="271"/>
        <source>by phone %1, </source>
        <translation>电话报告 %1，</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="279"/>
        <source>%1 %2: %3in writing %4 (%5)</source>
        <translation>%1 %2：%3书面报告 %4（%5）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="291"/>
        <source>The event has no report yet.</source>
        <translation>本事件还没有报告。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="293"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="294"/>
        <source>signed</source>
        <translation>已签发</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="295"/>
        <source>sent</source>
        <translation>已报送</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_report.py" line="323"/>
        <source>%1 %2: by phone %3 min, in writing %4 min</source>
        <translation>%1 %2：电话 %3 分钟，书面 %4 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="24"/>
        <source>contingency plans: deadlines, search, activation and checklist</source>
        <translation>应急预案：期限、搜索、启动和任务清单</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="31"/>
        <source>overdue and soon-due plan deadlines</source>
        <translation>已超期和即将到期的预案期限</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="35"/>
        <source>search the plans&apos; texts</source>
        <translation>搜索预案文本</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="40"/>
        <source>activate a plan for the event in progress at a stage</source>
        <translation>针对进行中的事件按响应级别启动预案</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="48"/>
        <source>raise or lower an activated plan</source>
        <translation>提高或降低已启动预案的响应级别</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="54"/>
        <source>an activated plan&apos;s checklist</source>
        <translation>已启动预案的任务清单</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="58"/>
        <source>mark an action done</source>
        <translation>将任务标记为完成</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="64"/>
        <source>add a version of a plan (its content copied from the latest) with its files</source>
        <translation>新增预案版本（结构化内容沿用最新版本）及其文件</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="74"/>
        <source>what changed in a plan&apos;s latest version from the one before</source>
        <translation>预案最新版本与上一版本相比的变化</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="81"/>
        <source>record that a plan was evaluated (its next evaluation counts from then)</source>
        <translation>记录预案已完成评估（下次评估期限由此起算）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="90"/>
        <source>the day of the evaluation (default: today)</source>
        <translation>评估日期（默认今天）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="95"/>
        <source>write a kept plan file out</source>
        <translation>导出已保存的预案文件</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="111"/>
        <source>Not a day: %1 (write it as 2026-12-07).</source>
        <translation>不是日期：%1（请写成 2026-12-07）。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="127"/>
        <source>Unknown stage %1: use sea, IV, III, II or I.</source>
        <translation>未知的响应级别 %1：请使用 sea、IV、III、II 或 I。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="161"/>
        <source>Plan %1 evaluated on %2.</source>
        <translation>预案 %1 已于 %2 完成评估。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="188"/>
        <source>Plan %1 activated: %2 actions.</source>
        <translation>预案 %1 已启动：共 %2 项任务。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="197"/>
        <source>Done at %1: %2</source>
        <translation>已于 %1 完成：%2</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="209"/>
        <source>The plan %1 was not activated.</source>
        <translation>预案 %1 未启动。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="253"/>
        <source>No file %1.</source>
        <translation>没有文件 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="274"/>
        <source>Version %1 of %2 added, %3 files.</source>
        <translation>已新增 %2 的第 %1 版，共 %3 个文件。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="287"/>
        <source>%1 written to %2</source>
        <translation>%1 已写入 %2</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="292"/>
        <source>The plan has no version.</source>
        <translation>该预案还没有版本。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_plan.py" line="313"/>
        <source>No change from the version before.</source>
        <translation>与上一版本相比没有变化。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="22"/>
        <source>supplies: stock counts, the nearest stock</source>
        <translation>应急物资：盘点、最近库存</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="27"/>
        <source>record a stock count of a warehouse; differences are posted as a count adjustment</source>
        <translation>登记一个仓库的盘点；盘盈盘亏记为盘点调整</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="36"/>
        <source>the warehouse&apos;s name or code</source>
        <translation>仓库名称或编码</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="43"/>
        <source>what was found of an item (and lot, when it is held in several), such as BZD=11950 or JSY/2026A=30 (repeat for more)</source>
        <translation>某物资（存放多个批次时加批号）的实盘数量，如 BZD=11950 或 JSY/2026A=30（可重复）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="52"/>
        <source>why the count differs from the books (needed when it does)</source>
        <translation>盘点差异的原因（有差异时必填）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="60"/>
        <source>who counted</source>
        <translation>盘点人</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="64"/>
        <source>the counts kept, or one count&apos;s lines with --count</source>
        <translation>已保存的盘点记录；用 --count 查看一次盘点的明细</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="71"/>
        <source>only this warehouse&apos;s counts</source>
        <translation>只列此仓库的盘点</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="77"/>
        <source>one count&apos;s lines</source>
        <translation>一次盘点的明细</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="81"/>
        <source>the nearest available stock of an item from a village or a point</source>
        <translation>从某村或某点查找某物资最近的可用库存</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="89"/>
        <source>the item&apos;s name or code, such as 救生衣</source>
        <translation>物资名称或编码，如 救生衣</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="96"/>
        <source>how many, in the item&apos;s unit</source>
        <translation>数量（按物资的计量单位）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="102"/>
        <source>only warehouses of this level (repeat for more; default: every level)</source>
        <translation>只查该级别的仓库（可重复填写；默认所有级别）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="110"/>
        <source>a village or town, by name or code</source>
        <translation>村或乡镇的名称或代码</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="116"/>
        <source>a point in WGS84 degrees</source>
        <translation>WGS84 经纬度坐标点</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="130"/>
        <source>--line %1: write CODE=QUANTITY or CODE/LOT=QUANTITY, such as BZD=11950.</source>
        <translation>--line %1：请写成 编码=数量 或 编码/批号=数量，如 BZD=11950。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="171"/>
        <source>Count %1 of %2: %3 lines counted, %4 differ; posted as count adjustment %5.</source>
        <translation>%2 第 %1 号盘点：盘点 %3 行，%4 行有差异，已记为盘点调整单 %5。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="185"/>
        <source>Count %1 of %2: %3 lines counted, all as on the books.</source>
        <translation>%2 第 %1 号盘点：盘点 %3 行，账实相符。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="206"/>
        <source>No count is kept yet.</source>
        <translation>尚无盘点记录。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="212"/>
        <source>%1  %2  %3  counted by %4, recorded by %5: %6 lines, %7 differ %8</source>
        <translation>%1  %2  %3  盘点人 %4，登记人 %5：%6 行，%7 行有差异 %8</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="230"/>
        <source>%1 %2 %3: on the books %4, counted %5, difference %6 %7</source>
        <translation>%1 %2 %3：账面 %4，实盘 %5，差异 %6 %7</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="269"/>
        <source>Nearest available stock of %1 %2 %3 from %4 (straight line):</source>
        <translation>距%4最近的%3可用库存（需 %1 %2，按直线距离）：</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="282"/>
        <source>%1 km  %2 (%3): %4 %5 available, take %6 %5  %7</source>
        <translation>%1 公里  %2（%3）：可用 %4 %5，调用 %6 %5  %7</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="299"/>
        <source>Enough from %1 warehouse(s).</source>
        <translation>由 %1 个仓库即可满足。</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_supplies.py" line="304"/>
        <source>Not enough in the county: %1 %2 short.</source>
        <translation>全县库存不足：尚缺 %1 %2。</translation>
    </message>
</context>
<context>
    <name>CommandPage</name>
    <message>
        <location filename="../../ui/command/page.py" line="98"/>
        <source>Command and dispatch</source>
        <translation>指挥调度</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="100"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="107"/>
        <source>No event is in progress. Start one when a typhoon, flood or other hazard calls for a response: its level changes, incidents and reports are kept here.</source>
        <translation>当前没有进行中的事件。台风、洪水或其他灾害需要响应时请启动事件：其响应级别变更、险情和上报都记录在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="130"/>
        <source>Not now</source>
        <translation>暂不启动</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="143"/>
        <source>Change the grade…</source>
        <translation>调整事件等级…</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="145"/>
        <source>Log an incident…</source>
        <translation>登记险情…</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="165"/>
        <location filename="../../ui/command/page.py" line="250"/>
        <source>Grade changes</source>
        <translation>事件等级变更</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="170"/>
        <source>Response levels</source>
        <translation>响应级别</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="175"/>
        <source>Incidents</source>
        <translation>险情</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="183"/>
        <source>Set a shift…</source>
        <translation>设置班次…</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="192"/>
        <source>Duty roster</source>
        <translation>值班表</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="200"/>
        <source>Search units, abbreviations, contacts (pinyin initials too) or phones</source>
        <translation>搜索单位、简称、联系人（可用拼音首字母）或电话</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="204"/>
        <source>Import units…</source>
        <translation>导入成员单位…</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="214"/>
        <source>No member units are registered yet. Import the headquarters&apos; member units (name, abbreviation, duty phone, contact and mobile) from a spreadsheet with Import units…, or on the command line: python main.py import units FILE</source>
        <translation>尚未登记成员单位。请用“导入成员单位…”从电子表格导入指挥部成员单位（名称、简称、值班电话、联系人及手机），或在命令行运行：python main.py import units 文件</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="220"/>
        <source>Member units</source>
        <translation>成员单位</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="225"/>
        <source>Reports upward</source>
        <translation>信息报送</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="245"/>
        <source>No event is in progress: nothing to show here until one starts.</source>
        <translation>当前没有进行中的事件：事件启动后这里才有内容。</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="252"/>
        <source>Grade changes: none recorded (the grade given at the start holds).</source>
        <translation>事件等级变更：无记录（沿用启动时的等级）。</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="259"/>
        <source>No level change recorded for this event yet. Change the response level with Response level…: the signer, the reason and the document number are kept here.</source>
        <translation>本事件尚无响应级别变更记录。请用“调整响应级别…”变更响应级别：签发人、理由和文号都记录在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="269"/>
        <source>No incident logged under this event. A landslide, flooding or an accident during the event is logged with Log an incident…, with its place.</source>
        <translation>本事件下尚未登记险情。事件期间发生的山体滑坡、内涝或事故，请用“登记险情…”连同地点一并登记。</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="276"/>
        <source>Duty day %1 (08:00 to 08:00 the next morning)</source>
        <translation>值班日 %1（08:00 至次日 08:00）</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="282"/>
        <source>No roster for %1 yet. The duty officer sets who is on duty and the leader on shift with Set a shift… (or: python main.py roster set); the leaders are then offered as signers of level changes.</source>
        <translation>%1 尚无值班表。值班员用“设置班次…”（或 python main.py roster set）设置值班人员和带班领导；带班领导随后作为响应级别变更的签发人供选择。</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="309"/>
        <source>since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="312"/>
        <source>(No. %1)</source>
        <translation>（编号 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="313"/>
        <source>not graded</source>
        <translation>未定级</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="315"/>
        <source>(changed %1 times)</source>
        <translation>（已调整 %1 次）</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="317"/>
        <source>no roster for today</source>
        <translation>今天没有值班表</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="320"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="321"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="322"/>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="323"/>
        <source>Typhoon</source>
        <translation>台风</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="323"/>
        <source>none linked</source>
        <translation>未关联</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="324"/>
        <source>Area</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="334"/>
        <source>drawn area %1</source>
        <translation>绘制区域“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="335"/>
        <source>not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="325"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="326"/>
        <source>Leader on shift</source>
        <translation>带班领导</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="358"/>
        <source>Starting the event and opening the transfer records…</source>
        <translation>正在启动事件并建立转移记录……</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="373"/>
        <source>The event %1 was started.</source>
        <translation>事件 %1 已启动。</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="419"/>
        <source>No contingency plan is active for this event. Activate %1 %2 at %3? Its checklist will hold the actions of this stage and every lower one.</source>
        <translation>本事件尚无启动的应急预案。是否按%3启动 %1 %2？其响应措施清单将包含本级及以下各级的措施。</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="127"/>
        <source>Activate the plan</source>
        <translation>启动预案</translation>
    </message>
    <message>
        <location filename="../../ui/command/page.py" line="453"/>
        <source>The plan %1 %2 was activated at %3.</source>
        <translation>预案 %1《%2》已按%3启动。</translation>
    </message>
</context>
<context>
    <name>ContactsDialog</name>
    <message>
        <location filename="../../ui/transfers/attention.py" line="213"/>
        <source>Responsible persons: %1</source>
        <translation>责任人：%1</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/attention.py" line="218"/>
        <source>%1 %2: completion %3, %4 still at home (%5).</source>
        <translation>%1 %2：转移率 %3，尚未转移 %4 人（%5）。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/attention.py" line="234"/>
        <source>Loading…</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/attention.py" line="237"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/attention.py" line="252"/>
        <source>The contacts could not be loaded: %1</source>
        <translation>无法读取责任人：%1</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/attention.py" line="263"/>
        <source>%1 persons to call.</source>
        <translation>共 %1 名责任人。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/attention.py" line="265"/>
        <source>No responsible person is registered for these villages.</source>
        <translation>这些村尚未登记责任人。</translation>
    </message>
</context>
<context>
    <name>ContentForm</name>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="120"/>
        <source>Stages and actions of the version</source>
        <translation>版本的响应级别与任务</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="130"/>
        <source>Double-click a cell to change it. Time limits such as 30 min, 2 h, 2小时 or 1天.</source>
        <translation>双击单元格修改。时限如 30分钟、2小时 或 1天。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="170"/>
        <source>%1, trigger</source>
        <translation>%1，启动条件</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="172"/>
        <source>%1, action %2</source>
        <translation>%1，第%2项任务</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="185"/>
        <source>Not a time limit: %1 (such as 30 min, 2 h or 1天).</source>
        <translation>不是时限：%1（应如 30分钟、2小时 或 1天）。</translation>
    </message>
</context>
<context>
    <name>CountPanel</name>
    <message>
        <location filename="../../ui/supplies/count.py" line="152"/>
        <source>Print the count sheet</source>
        <translation>打印盘点表</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="155"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="170"/>
        <source>Counted quantity of the selected line; Enter records it and moves on</source>
        <translation>选中行的实盘数量；回车登记并转到下一行</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="174"/>
        <source>Reason of the differences</source>
        <translation>差异原因</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="176"/>
        <source>Who counted</source>
        <translation>盘点人</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="177"/>
        <source>Post the count</source>
        <translation>过账盘点</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="201"/>
        <source>Counts kept</source>
        <translation>盘点记录</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="259"/>
        <source>The lines could not be read.</source>
        <translation>无法读取盘点明细。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="313"/>
        <source>%1 of %2 lines counted, %3 differ</source>
        <translation>已盘 %1/%2 行，%3 行有差异</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="319"/>
        <source>Enter what was found of at least one line.</source>
        <translation>请至少登记一行的实盘数量。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="342"/>
        <source>Count %1 posted: %2 of %3 lines differ (slip %4).</source>
        <translation>第 %1 号盘点已过账：%3 行中 %2 行有差异（单号 %4）。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="349"/>
        <source>Count %1 kept: all %2 lines as on the books.</source>
        <translation>第 %1 号盘点已保存：%2 行账实相符。</translation>
    </message>
</context>
<context>
    <name>DangerZoneForm</name>
    <message>
        <location filename="../../ui/register/forms.py" line="139"/>
        <source>Edit danger zone or hazard point</source>
        <translation>编辑危险区（点）</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="141"/>
        <source>New danger zone or hazard point</source>
        <translation>新增危险区（点）</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="143"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="144"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="146"/>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="149"/>
        <source>Responsibility grid</source>
        <translation>责任网格</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="151"/>
        <source>Hazard point (a place, not an area drawn on the map)</source>
        <translation>隐患点（一个地点，不在地图上画成区域）</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="155"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="155"/>
        <source>Decimal degrees, such as 121.38</source>
        <translation>十进制度数，如 121.38</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="156"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="156"/>
        <source>Decimal degrees, such as 28.37</source>
        <translation>十进制度数，如 28.37</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="159"/>
        <source>The outline of this area comes from a map import; the coordinates show its centre.</source>
        <translation>该区域的轮廓来自地图导入，坐标为其中心点。</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="166"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="167"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="178"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard/page.py" line="202"/>
        <source>Dashboard</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="204"/>
        <source>No event is in progress.</source>
        <translation>当前没有进行中的事件。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="212"/>
        <source>People to move</source>
        <translation>应转移人数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="213"/>
        <source>Moved</source>
        <translation>已转移人数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="214"/>
        <source>Still at home</source>
        <translation>尚未转移</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="215"/>
        <source>Shelters full</source>
        <translation>已满的避灾安置场所</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="227"/>
        <location filename="../../ui/dashboard/page.py" line="256"/>
        <source>Towns and streets</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="228"/>
        <source>Villages and communities</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="229"/>
        <source>Responsibility grids</source>
        <translation>责任网格</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="230"/>
        <source>Danger zones and hazard points</source>
        <translation>危险区（点）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="231"/>
        <source>Shelters</source>
        <translation>避灾安置场所</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="232"/>
        <source>Village working group members</source>
        <translation>村级防汛工作组成员</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="245"/>
        <source>Towns and streets at a glance</source>
        <translation>各乡镇（街道）概况</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="258"/>
        <location filename="../../ui/dashboard/page.py" line="355"/>
        <source>Attention</source>
        <translation>需关注</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="277"/>
        <source>No event is in progress. When one starts (on the Transfers page), its response level and the county&apos;s transfer figures show here.</source>
        <translation>当前没有进行中的事件。事件启动后（在“人员转移”页），响应等级和全县人员转移数据将显示在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="286"/>
        <source>figures as of %1</source>
        <translation>数据截至 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="290"/>
        <source>%1 away from home</source>
        <translation>外出 %1 人</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="295"/>
        <source>completion rate %1</source>
        <translation>转移率 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="299"/>
        <source>of whom %1 refuse to move</source>
        <translation>其中拒绝转移 %1 人</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="303"/>
        <source>%1 more above 90%</source>
        <translation>另有 %1 个超过 90%</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="315"/>
        <source>Dashboard - %1</source>
        <translation>总览 - %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="322"/>
        <source>of which %1 hazard points</source>
        <translation>其中隐患点 %1 处</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="327"/>
        <source>capacity %1 persons, %2 safety certified</source>
        <translation>可容纳 %1 人，%2 个已通过安全鉴定</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="338"/>
        <source>Danger zones by type: </source>
        <translation>危险区（点）按类别：</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="355"/>
        <source>⚠ Attention (%1)</source>
        <translation>⚠ 需关注（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="362"/>
        <source>The database is empty. Build the demo county with &lt;tt&gt;python main.py demo&lt;/tt&gt; or import your county&apos;s divisions with &lt;tt&gt;python main.py import divisions FILE&lt;/tt&gt;.</source>
        <translation>数据库为空。可用 &lt;tt&gt;python main.py demo&lt;/tt&gt; 生成演示县，或用 &lt;tt&gt;python main.py import divisions 文件&lt;/tt&gt; 导入本县行政区划。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../../models/backups.py" line="60"/>
        <source>There is no file %1.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../../models/backups.py" line="71"/>
        <source>%1 is not a backup of the console&apos;s database: %2 Nothing was changed.</source>
        <translation>%1 不是调度台数据库的备份：%2 数据库未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../models/backups.py" line="83"/>
        <source>That is the database in use, not a backup of it. Nothing was changed.</source>
        <translation>这是正在使用的数据库本身，不是它的备份。数据库未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../models/backups.py" line="139"/>
        <source>SQLite cannot read it (%1).</source>
        <translation>SQLite 无法读取该文件（%1）。</translation>
    </message>
    <message>
        <location filename="../../models/backups.py" line="145"/>
        <source>it fails SQLite&apos;s integrity check (%1).</source>
        <translation>未通过 SQLite 完整性检查（%1）。</translation>
    </message>
    <message>
        <location filename="../../models/backups.py" line="154"/>
        <location filename="../../models/backups.py" line="194"/>
        <source>the console&apos;s tables are missing (%1).</source>
        <translation>缺少调度台的数据表（%1）。</translation>
    </message>
    <message>
        <location filename="../../models/backups.py" line="162"/>
        <source>it was made by a newer version of the console (revision %1); update the console first.</source>
        <translation>它由更新版本的调度台生成（版本 %1），请先升级调度台。</translation>
    </message>
    <message>
        <location filename="../../models/backups.py" line="182"/>
        <source>pg_restore cannot read it as a pg_dump archive (%1).</source>
        <translation>pg_restore 无法将其作为 pg_dump 备份读取（%1）。</translation>
    </message>
    <message>
        <location filename="../../models/backups.py" line="212"/>
        <source>The database %1 is not empty: a backup is restored into a new, empty database only (create one with createdb, then give its URL with --db). Nothing was changed.</source>
        <translation>数据库 %1 不是空的：备份只能恢复到新建的空数据库（先用 createdb 新建，再用 --db 指定它的地址）。数据库未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../models/backups.py" line="240"/>
        <source>pg_restore failed: %1. Nothing was changed.</source>
        <translation>pg_restore 执行失败：%1。数据库未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../models/database.py" line="394"/>
        <source>The backup could not be written to %1: %2</source>
        <translation>备份无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../models/database.py" line="422"/>
        <source>pg_dump failed: %1</source>
        <translation>pg_dump 执行失败：%1</translation>
    </message>
    <message>
        <location filename="../../models/database.py" line="440"/>
        <source>%1 was not found. Install PostgreSQL&apos;s client programs (on Debian: apt install postgresql-client) and try again.</source>
        <translation>未找到 %1。请安装 PostgreSQL 客户端程序（Debian：apt install postgresql-client）后重试。</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <location filename="../../models/demo/builder.py" line="91"/>
        <source>The demo scale must be a whole number from 1 to %1.</source>
        <translation>演示规模须为 1 到 %1 之间的整数。</translation>
    </message>
    <message>
        <location filename="../../models/demo/builder.py" line="99"/>
        <source>Unknown demo scenario: %1</source>
        <translation>未知的演示情景：%1</translation>
    </message>
    <message>
        <location filename="../../models/demo/builder.py" line="106"/>
        <source>The database already holds data. Build the demo county in an empty database, or choose to replace everything in this one.</source>
        <translation>数据库中已有数据。请在空数据库中生成演示县，或选择替换本数据库中的全部内容。</translation>
    </message>
    <message>
        <location filename="../../models/demo/builder.py" line="114"/>
        <source>This is not a demo database: its data were imported or entered. Take a backup of it before replacing it with the demo county.</source>
        <translation>这不是演示数据库：其数据是导入或录入的。请先备份，再用演示县替换。</translation>
    </message>
</context>
<context>
    <name>DivisionPanel</name>
    <message>
        <location filename="../../ui/register/tree.py" line="55"/>
        <source>Find a town or village (name or pinyin)</source>
        <translation>查找乡镇或村（名称或拼音）</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <location filename="../../ui/printing/registry.py" line="132"/>
        <source>the village&apos;s or community&apos;s 12-digit code</source>
        <translation>村（社区）的 12 位代码</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="139"/>
        <source>the event&apos;s id</source>
        <translation>事件编号</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="147"/>
        <source>the shelter&apos;s id</source>
        <translation>避灾场所编号</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="155"/>
        <source>A4 or A3 landscape (default A4)</source>
        <translation>A4 或 A3 横向（默认 A4）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="163"/>
        <source>the register year (default: the year in force)</source>
        <translation>清单年度（默认：现行年度）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="170"/>
        <source>an empty village transfer list to fill</source>
        <translation>供村里填写的空白转移清单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="176"/>
        <source>full mobile numbers (if your role allows; recorded in the audit)</source>
        <translation>完整手机号（须角色允许；记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="185"/>
        <source>the typhoon&apos;s number (such as 2606) or its id</source>
        <translation>台风编号（如 2606）或记录编号</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="206"/>
        <source>ISO 8601 time (Beijing time without an offset); default: the latest observed point</source>
        <translation>ISO 8601 时间（不带时区即北京时间）；默认：最新实况点</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="219"/>
        <source>--template writes an empty list: give no village, year or --unmasked.</source>
        <translation>--template 输出空白清单：不要同时给出村、年度或 --unmasked。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="224"/>
        <source>Give --village CODE, or --template for an empty list.</source>
        <translation>请给出 --village 代码，或用 --template 输出空白清单。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="235"/>
        <location filename="../../ui/printing/registry.py" line="285"/>
        <source>Village transfer list</source>
        <translation>行政村危险区人员转移清单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="245"/>
        <source>Transfer cards</source>
        <translation>转移卡</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="255"/>
        <location filename="../../ui/printing/registry.py" line="296"/>
        <source>Town roll-up of the transfer</source>
        <translation>人员转移分镇汇总表</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="265"/>
        <source>Shelter arrivals list</source>
        <translation>避灾场所到达登记表</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="275"/>
        <source>Village flood situation map</source>
        <translation>村级防汛形势图</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="306"/>
        <source>What a typhoon&apos;s wind circles reach</source>
        <translation>台风风圈影响范围表</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="316"/>
        <source>the handover&apos;s id (default: the latest)</source>
        <translation>交接记录编号（默认最近一次）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="323"/>
        <source>Shift handover record</source>
        <translation>值班交接班记录</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="333"/>
        <source>Duty log</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="438"/>
        <source>Report upward of an event</source>
        <translation>事件上报报告</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="445"/>
        <source>0 the initial report, N the Nth follow-up, daily the latest daily report (dailyN the Nth), final the final report (default: the latest)</source>
        <translation>0 为首报，N 为第 N 次续报，daily 为最新一份日报（dailyN 为第 N 份日报），final 为终报（默认：最新一份）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="464"/>
        <source>the team&apos;s name (default: every team)</source>
        <translation>队伍名称（默认：全部队伍）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="470"/>
        <location filename="../../ui/printing/registry.py" line="582"/>
        <source>Rescue team roster</source>
        <translation>救援队员花名册</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="480"/>
        <location filename="../../ui/printing/registry.py" line="592"/>
        <source>Rescue forces readiness report</source>
        <translation>救援力量战备情况表</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="494"/>
        <location filename="../../ui/printing/registry.py" line="529"/>
        <source>Contingency plan register and revision timetable</source>
        <translation>应急预案目录及修订时间表</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="503"/>
        <location filename="../../ui/printing/registry.py" line="538"/>
        <source>Contingency plan deadlines</source>
        <translation>应急预案期限提醒</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="512"/>
        <source>Checklist of an activated plan</source>
        <translation>已启动预案的任务清单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="519"/>
        <source>the plan&apos;s code (default: the latest activated)</source>
        <translation>预案编号（默认：最近启动的预案）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="544"/>
        <source>every deadline, not only overdue and due soon</source>
        <translation>全部期限，而不仅是已超期和即将到期的</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="563"/>
        <source>the movement&apos;s id (its slip)</source>
        <translation>出入库记录编号（对应单据）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="572"/>
        <source>Supplies slip (receipt, issue, transfer)</source>
        <translation>物资单据（入库单、出库单、调拨单）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="602"/>
        <source>Expert list</source>
        <translation>专家库名单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="616"/>
        <source>What a drawn area holds</source>
        <translation>绘制区域内对象</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="622"/>
        <source>the name the area was saved under on the map</source>
        <translation>区域在地图上保存时的名称</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="636"/>
        <source>the warehouse&apos;s name or code</source>
        <translation>仓库名称或编码</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="644"/>
        <source>Stock count sheet of a warehouse</source>
        <translation>仓库盘点表</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="654"/>
        <source>Supplies stock by warehouse and by item</source>
        <translation>应急物资库存（按仓库、按物资）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="666"/>
        <source>only this town (its name or code)</source>
        <translation>只含该乡镇（名称或代码）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="673"/>
        <source>Supplies stock report by area or by warehouse</source>
        <translation>应急物资库存报表（按区域或按仓库）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="679"/>
        <source>a line per area and item, or per warehouse</source>
        <translation>按区域逐项物资汇总（area），或按仓库列出（warehouse）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/registry.py" line="693"/>
        <source>Village standard kit compliance</source>
        <translation>村级物资配备达标情况</translation>
    </message>
    <message>
        <location filename="../../ui/cli/cmd_map.py" line="70"/>
        <location filename="../../ui/printing/registry.py" line="415"/>
        <source>No typhoon with the number or id %1.</source>
        <translation>没有编号或记录编号为 %1 的台风。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/reports.py" line="49"/>
        <source>Name the report as 0 (initial), N (the Nth follow-up), daily or dailyN (the latest or the Nth daily report) or final: %1</source>
        <translation>报告应写作 0（首报）、N（第 N 次续报）、daily 或 dailyN（最新一份或第 N 份日报）或 final（终报）：%1</translation>
    </message>
</context>
<context>
    <name>DrawnAreas</name>
    <message>
        <location filename="../../models/drawn_areas.py" line="53"/>
        <source>The drawn area is not a polygon or a circle.</source>
        <translation>所画区域不是多边形或圆形。</translation>
    </message>
    <message>
        <location filename="../../models/drawn_areas.py" line="78"/>
        <source>Give the area a name.</source>
        <translation>请为区域命名。</translation>
    </message>
    <message>
        <location filename="../../models/drawn_areas.py" line="82"/>
        <source>An area&apos;s name has at most %1 characters.</source>
        <translation>区域名称最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../models/drawn_areas.py" line="92"/>
        <source>An area named %1 is saved already: choose another name.</source>
        <translation>已保存名为“%1”的区域，请另取名称。</translation>
    </message>
    <message>
        <location filename="../../models/drawn_areas.py" line="130"/>
        <source>No area is saved as %1.</source>
        <translation>没有名为“%1”的已保存区域。</translation>
    </message>
    <message>
        <location filename="../../models/drawn_areas.py" line="141"/>
        <location filename="../../models/drawn_areas.py" line="212"/>
        <source>That saved area is gone.</source>
        <translation>该已保存区域已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/drawn_areas.py" line="148"/>
        <source>The area %1 is the area of the event %2: it is kept.</source>
        <translation>区域“%1”是事件“%2”的范围，不能删除。</translation>
    </message>
    <message>
        <location filename="../../models/drawn_areas.py" line="215"/>
        <source>Give the danger zone a name.</source>
        <translation>请填写危险区名称。</translation>
    </message>
    <message>
        <location filename="../../models/drawn_areas.py" line="221"/>
        <source>Choose a known type of danger zone.</source>
        <translation>请选择已有的危险区类别。</translation>
    </message>
    <message>
        <location filename="../../models/drawn_areas.py" line="243"/>
        <source>The area %1 lies outside every village&apos;s outline: a danger zone belongs to a village.</source>
        <translation>区域“%1”不在任何村（社区）的边界内：危险区须属于某个村（社区）。</translation>
    </message>
    <message>
        <location filename="../../models/drawn_areas.py" line="263"/>
        <source>%1 %2 has a danger zone named %3 already.</source>
        <translation>%1 %2 已有名为“%3”的危险区。</translation>
    </message>
    <message>
        <location filename="../../models/drawn_areas.py" line="278"/>
        <source>Drawn on the map as %1</source>
        <translation>在地图上绘制，区域名称“%1”</translation>
    </message>
</context>
<context>
    <name>DrillForm</name>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="222"/>
        <source>Drill of %1</source>
        <translation>%1 的演练</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="225"/>
        <source>Held on</source>
        <translation>演练日期</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="227"/>
        <source>Kind</source>
        <translation>演练形式</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="228"/>
        <source>Organisers</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="229"/>
        <source>Participants</source>
        <translation>参演单位和人员</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="232"/>
        <source>Scenario</source>
        <translation>演练情景</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="235"/>
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="247"/>
        <source>Actions exercised</source>
        <translation>检验的预案任务</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="250"/>
        <source>Follow-up action</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="251"/>
        <source>Owner</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="252"/>
        <source>Due</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="254"/>
        <source>Add follow-up</source>
        <translation>添加整改事项</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="255"/>
        <source>Remove follow-up</source>
        <translation>删除整改事项</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="258"/>
        <source>Follow-up actions</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="294"/>
        <source>Follow-up %1: give its due date.</source>
        <translation>整改事项%1：请填写完成期限。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="311"/>
        <source>Follow-up %1: %2</source>
        <translation>整改事项%1：%2</translation>
    </message>
</context>
<context>
    <name>DutyCards</name>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="92"/>
        <source>Next report upward</source>
        <translation>下一份上报</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="93"/>
        <source>Plan deadlines overdue</source>
        <translation>预案事项已逾期</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="94"/>
        <source>Supplies alerts</source>
        <translation>物资预警</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="95"/>
        <source>Rescue teams out</source>
        <translation>出动中的救援队伍</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="100"/>
        <source>Open the dispatch page</source>
        <translation>打开指挥调度页</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="102"/>
        <source>Open the plans page</source>
        <translation>打开应急预案页</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="104"/>
        <source>Open the supplies page</source>
        <translation>打开应急物资页</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="107"/>
        <source>Open the rescue teams page</source>
        <translation>打开救援队伍页面</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="135"/>
        <source>%1 more due within %2 days</source>
        <translation>另有 %1 项 %2 天内到期</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="137"/>
        <source>Nothing overdue or due within %1 days.</source>
        <translation>没有逾期或 %1 天内到期的事项。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="143"/>
        <source>%1 below minimum · %2 expired · %3 expiring</source>
        <translation>低于最低库存 %1 · 已过期 %2 · 临期 %3</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="149"/>
        <source>No stock below minimum, expired or expiring</source>
        <translation>没有低于最低库存、过期或临期的物资</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="151"/>
        <source>Paperwork pending: %1</source>
        <translation>待补手续 %1 笔</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="157"/>
        <source>%1 on scene · %2 pre-positioned · %3 of %4 on standby</source>
        <translation>到场 %1 支 · 预置 %2 支 · 待命 %3 支（共 %4 支）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="164"/>
        <source>No rescue team is registered yet.</source>
        <translation>尚未登记救援队伍。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="172"/>
        <source>No report upward is due.</source>
        <translation>目前没有到期应报的报告。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="180"/>
        <source>%1 of %2, in writing by %3</source>
        <translation>%2 %1，书面报告时限 %3</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="182"/>
        <source>%1 of %2 overdue: it was due in writing by %3</source>
        <translation>%2 %1 已超时：书面报告时限为 %3</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/duties.py" line="188"/>
        <source> (%1 more due)</source>
        <translation>（另有 %1 份待报）</translation>
    </message>
</context>
<context>
    <name>DutyLog</name>
    <message>
        <location filename="../../models/command/dutylog.py" line="167"/>
        <source>Unknown kind of entry: %1</source>
        <translation>未知的日志类别：%1</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="173"/>
        <source>Write what was said or done.</source>
        <translation>请填写来电内容或处理情况。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="185"/>
        <source>An entry cannot lie in the future.</source>
        <translation>日志时间不能晚于现在。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="190"/>
        <source>Say why the entry is logged for an earlier time.</source>
        <translation>补记较早时间的日志，请说明原因。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="197"/>
        <source>A follow-up cannot fall due before its entry.</source>
        <translation>跟踪事项的到期时间不能早于日志时间。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="205"/>
        <source>No member unit with id %1.</source>
        <translation>没有编号为 %1 的成员单位。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="218"/>
        <source>No town or village with code %1.</source>
        <translation>没有区划代码为 %1 的乡镇或村。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="226"/>
        <location filename="../../models/exports/dutylog.py" line="81"/>
        <source>No event with id %1.</source>
        <translation>没有编号为 %1 的事件。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="264"/>
        <source>An entry names one team or one warehouse, not both.</source>
        <translation>一条日志只能关联一支救援队伍或一个物资仓库，不能同时关联两者。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="274"/>
        <source>No team with id %1.</source>
        <translation>没有 ID 为 %1 的救援队伍。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="275"/>
        <source>No warehouse with id %1.</source>
        <translation>没有 ID 为 %1 的物资仓库。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="307"/>
        <source>No duty log entry with id %1.</source>
        <translation>没有编号为 %1 的值班日志。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="348"/>
        <source>Entries the console wrote itself are not corrected.</source>
        <translation>系统自动记录的日志不能更正。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="356"/>
        <source>Entry %1 has already been corrected by entry %2: correct that one.</source>
        <translation>日志 %1 已由日志 %2 更正，请更正后者。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="429"/>
        <source>Entry %1 opens no follow-up.</source>
        <translation>日志 %1 没有跟踪事项。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="437"/>
        <source>The follow-up of entry %1 was already closed by entry %2.</source>
        <translation>日志 %1 的跟踪事项已由日志 %2 办结。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="491"/>
        <source>response lifted</source>
        <translation>解除响应</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="496"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="499"/>
        <source>Response level changed from %1 to %2.</source>
        <translation>应急响应由%1调整为%2。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="502"/>
        <source>Signed by %1.</source>
        <translation>签发：%1。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="504"/>
        <source>Reason: %1</source>
        <translation>理由：%1</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="506"/>
        <source>Document %1.</source>
        <translation>文号：%1。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="522"/>
        <source>Report %1 signed by %2, numbered %3.</source>
        <translation>%1已由%2签发，文号%3。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="538"/>
        <source>Report %1 (%2) sent to %3.</source>
        <translation>%1（%2）已报送%3。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="563"/>
        <source>Plan %1 %2 activated at %3 by %4.</source>
        <translation>%4 启动预案 %1《%2》，响应级别：%3。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog_text.py" line="21"/>
        <source>Correction of %1</source>
        <translation>更正 %1</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog_text.py" line="24"/>
        <source>Follow-up %1 closed</source>
        <translation>办结 %1</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog_text.py" line="39"/>
        <source>Team: %1</source>
        <translation>队伍：%1</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog_text.py" line="41"/>
        <source>Warehouse: %1</source>
        <translation>仓库：%1</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog_text.py" line="50"/>
        <source>corrected by %1</source>
        <translation>已由 %1 更正</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog_text.py" line="56"/>
        <source>closed by %1</source>
        <translation>已由 %1 办结</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog_text.py" line="60"/>
        <source>OVERDUE since %1</source>
        <translation>已超期（%1 到期）</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog_text.py" line="62"/>
        <source>due %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <location filename="../../models/command/handover.py" line="68"/>
        <source>No entries.</source>
        <translation>无日志。</translation>
    </message>
    <message>
        <location filename="../../models/command/handover.py" line="141"/>
        <source>%1 may not keep the duty log, so cannot take part in a handover.</source>
        <translation>%1 无权记录值班日志，不能参与交接班。</translation>
    </message>
    <message>
        <location filename="../../models/command/handover.py" line="169"/>
        <source>The name or password of the officer handing over is wrong: nothing was handed over.</source>
        <translation>交班人用户名或密码错误，未完成交接。</translation>
    </message>
    <message>
        <location filename="../../models/command/handover.py" line="178"/>
        <source>The name or password of the officer taking over is wrong: nothing was handed over.</source>
        <translation>接班人用户名或密码错误，未完成交接。</translation>
    </message>
    <message>
        <location filename="../../models/command/handover.py" line="185"/>
        <source>The officer taking over must be someone else.</source>
        <translation>接班人不能与交班人相同。</translation>
    </message>
    <message>
        <location filename="../../models/command/handover.py" line="189"/>
        <source>Shift handed over by %1 to %2: %3 entries, %4 follow-ups open.</source>
        <translation>%1 向 %2 交班：本班日志 %3 条，未办结跟踪事项 %4 项。</translation>
    </message>
    <message>
        <location filename="../../models/command/handover.py" line="198"/>
        <location filename="../../ui/printing/dutylog.py" line="58"/>
        <source>Open items: %1</source>
        <translation>遗留问题：%1</translation>
    </message>
    <message>
        <location filename="../../models/exports/dutylog.py" line="46"/>
        <location filename="../../ui/dutylog/rows.py" line="73"/>
        <location filename="../../ui/printing/dutylog.py" line="65"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../models/exports/dutylog.py" line="47"/>
        <location filename="../../ui/dutylog/rows.py" line="76"/>
        <location filename="../../ui/printing/dutylog.py" line="66"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../models/exports/dutylog.py" line="48"/>
        <location filename="../../ui/dutylog/rows.py" line="80"/>
        <location filename="../../ui/printing/dutylog.py" line="67"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../models/exports/dutylog.py" line="49"/>
        <source>Caller&apos;s unit</source>
        <translation>来电单位</translation>
    </message>
    <message>
        <location filename="../../models/exports/dutylog.py" line="50"/>
        <location filename="../../ui/dutylog/rows.py" line="82"/>
        <location filename="../../ui/printing/dutylog.py" line="68"/>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <location filename="../../models/exports/dutylog.py" line="51"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../models/exports/dutylog.py" line="52"/>
        <location filename="../../ui/dutylog/rows.py" line="83"/>
        <location filename="../../ui/printing/dutylog.py" line="69"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../models/exports/dutylog.py" line="53"/>
        <location filename="../../ui/dutylog/rows.py" line="86"/>
        <location filename="../../ui/printing/dutylog.py" line="70"/>
        <source>Leader&apos;s instruction and handling</source>
        <translation>领导批示及处理情况</translation>
    </message>
    <message>
        <location filename="../../models/exports/dutylog.py" line="54"/>
        <location filename="../../ui/dutylog/rows.py" line="90"/>
        <source>Town or village</source>
        <translation>乡镇或村</translation>
    </message>
    <message>
        <location filename="../../models/exports/dutylog.py" line="55"/>
        <location filename="../../ui/dutylog/rows.py" line="91"/>
        <source>Team or warehouse</source>
        <translation>队伍或仓库</translation>
    </message>
    <message>
        <location filename="../../models/exports/dutylog.py" line="56"/>
        <location filename="../../ui/dutylog/rows.py" line="81"/>
        <location filename="../../ui/printing/dutylog.py" line="71"/>
        <source>Follow-up</source>
        <translation>跟踪事项</translation>
    </message>
    <message>
        <location filename="../../models/exports/dutylog.py" line="57"/>
        <location filename="../../ui/dutylog/rows.py" line="92"/>
        <location filename="../../ui/printing/dutylog.py" line="72"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../models/exports/dutylog.py" line="76"/>
        <location filename="../../models/exports/dutylog.py" line="90"/>
        <source>Duty log</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <location filename="../../models/exports/dutylog.py" line="83"/>
        <source>Duty log: %1</source>
        <translation>值班日志：%1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dutylog.py" line="34"/>
        <source>No shift handover has been recorded.</source>
        <translation>还没有交接班记录。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dutylog.py" line="37"/>
        <source>No handover with id %1.</source>
        <translation>没有编号为 %1 的交接班记录。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dutylog.py" line="48"/>
        <source>Open follow-up</source>
        <translation>未办结跟踪事项</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dutylog.py" line="51"/>
        <source>Summary: %1</source>
        <translation>本班情况：%1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dutylog.py" line="53"/>
        <source>Follow-ups open: %1</source>
        <translation>未办结跟踪事项：%1 项</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dutylog.py" line="63"/>
        <source>Duty shift handover record</source>
        <translation>值班交接班记录</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dutylog.py" line="78"/>
        <source>Shift %1 to %2</source>
        <translation>值班时段：%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dutylog.py" line="83"/>
        <source>Handed over by %1 to %2</source>
        <translation>交班人：%1&#x3000;接班人：%2</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dutylog.py" line="89"/>
        <source>Officer handing over</source>
        <translation>交班人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/dutylog.py" line="90"/>
        <source>Officer taking over</source>
        <translation>接班人</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog_refs.py" line="71"/>
        <source>Several teams or warehouses match “%1”: %2. Give the full name.</source>
        <translation>有多个救援队伍或仓库与“%1”相符：%2。请填写全称。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog_refs.py" line="83"/>
        <source>No team is named “%1”.</source>
        <translation>没有名为“%1”的救援队伍。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog_refs.py" line="84"/>
        <source>No warehouse is named “%1”.</source>
        <translation>没有名为“%1”的物资仓库。</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog_refs.py" line="85"/>
        <source>No team or warehouse is named “%1”.</source>
        <translation>没有名为“%1”的救援队伍或物资仓库，请从列表中选择。</translation>
    </message>
</context>
<context>
    <name>DutyLogPage</name>
    <message>
        <location filename="../../ui/dutylog/page.py" line="76"/>
        <source>Duty log</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="83"/>
        <source>Shift handover…</source>
        <translation>交接班…</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="86"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="88"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="94"/>
        <source>Loading…</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="114"/>
        <source>Search the content (Ctrl+F)</source>
        <translation>查询内容（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="116"/>
        <source>Every kind</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="118"/>
        <source>Town or village code</source>
        <translation>乡镇或村代码</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="120"/>
        <source>Team or warehouse</source>
        <translation>队伍或仓库</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="124"/>
        <source>Open follow-ups only</source>
        <translation>只看未办结跟踪事项</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="125"/>
        <source>Every event</source>
        <translation>全部事件</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="156"/>
        <location filename="../../ui/dutylog/page.py" line="321"/>
        <source>Select an entry to read it in full.</source>
        <translation>选中一条日志查看全文。</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="162"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="164"/>
        <source>Close the follow-up…</source>
        <translation>办结跟踪事项…</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="187"/>
        <source>Nothing logged yet. Type the first entry above.</source>
        <translation>还没有值班日志。请在上方录入第一条。</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="188"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="196"/>
        <source>Nothing logged yet. This computer&apos;s own account reads the duty log but does not write in it: entries are logged by users who may (%1), logged in to the console, or on the command line:</source>
        <translation>还没有值班日志。本机账户可以查看值班日志，但不能录入：日志由有录入权限的用户（%1）登录调度台后录入，或在命令行中录入：</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="205"/>
        <source>Nothing logged yet. Your role reads the duty log without writing in it: entries show here as soon as a user who may write it (%1) logs one at any workstation, and can then be searched and exported to Excel.</source>
        <translation>还没有值班日志。您的角色可以查看值班日志，但不能录入：有录入权限的用户（%1）在任一工作站录入后，日志即显示在这里，可以检索并导出 Excel。</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="249"/>
        <source>%1 entries shown</source>
        <translation>显示 %1 条日志</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="253"/>
        <source>No event in progress: entries are logged without an event.</source>
        <translation>当前没有进行中的事件：日志不归入事件。</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="267"/>
        <source>No entry matches these filters.</source>
        <translation>没有符合筛选条件的日志。</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="272"/>
        <source>Showing the latest %1 entries; narrow the filters to see older ones.</source>
        <translation>仅显示最近的 %1 条日志，缩小筛选范围可查看更早的日志。</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="286"/>
        <source>%1 follow-ups due. The earliest, since %2: #%3 %4</source>
        <translation>有 %1 项跟踪事项已到期。最早于 %2 到期：#%3 %4</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="328"/>
        <source>Caller: %1</source>
        <translation>来电人：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="331"/>
        <source>Instruction and handling: %1</source>
        <translation>批示及处理：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="335"/>
        <source>Logged late: %1</source>
        <translation>补记原因：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="337"/>
        <source>Why corrected: %1</source>
        <translation>更正原因：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="340"/>
        <source>Recorded by %1</source>
        <translation>记录人：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="380"/>
        <source>Entry %1 saved.</source>
        <translation>日志 %1 已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="426"/>
        <source>Follow-up closed by entry %1.</source>
        <translation>跟踪事项已办结（日志 %1）。</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/page.py" line="436"/>
        <source>Shift handed over by %1 to %2.</source>
        <translation>%1 已向 %2 交班。</translation>
    </message>
</context>
<context>
    <name>EndEventForm</name>
    <message>
        <location filename="../../ui/command/dialogs.py" line="165"/>
        <location filename="../../ui/command/dialogs.py" line="166"/>
        <source>End the event</source>
        <translation>结束事件</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="168"/>
        <source>End the event %1? Check-in stops; the records and their history are kept.</source>
        <translation>结束事件 %1？签到将停止；各项记录及其变更历史都会保留。</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="173"/>
        <source>The response (%1) is lifted with it and the lifting kept in its history.</source>
        <translation>应急响应（%1）随之解除，解除记录保留在响应级别变更中。</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="184"/>
        <source>Signed by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="185"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="185"/>
        <source>Default: the event ended</source>
        <translation>默认：事件结束</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="186"/>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="186"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <location filename="../../ui/dutylog/form.py" line="68"/>
        <location filename="../../ui/dutylog/form.py" line="172"/>
        <source>New entry</source>
        <translation>新日志</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/form.py" line="75"/>
        <source>Alt+1 … Alt+7 choose the kind</source>
        <translation>Alt+1 … Alt+7 选择类别</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/form.py" line="76"/>
        <source>Logged late, at</source>
        <translation>补记，时间</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/form.py" line="81"/>
        <source>Why it is logged late</source>
        <translation>补记原因</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/form.py" line="83"/>
        <source>Caller&apos;s unit</source>
        <translation>来电单位</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/form.py" line="85"/>
        <source>Caller&apos;s name</source>
        <translation>来电人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/form.py" line="87"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/form.py" line="89"/>
        <source>What was said or done (Ctrl+Enter saves)</source>
        <translation>来电内容或处理情况（Ctrl+Enter 保存）</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/form.py" line="93"/>
        <source>Leader&apos;s instruction and handling</source>
        <translation>领导批示及处理情况</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/form.py" line="95"/>
        <source>Town or village code</source>
        <translation>乡镇或村代码</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/form.py" line="97"/>
        <source>Team or warehouse (type to choose)</source>
        <translation>队伍或仓库（输入后选择）</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/form.py" line="100"/>
        <source>Follow up by</source>
        <translation>跟踪期限</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/form.py" line="105"/>
        <source>Why it is corrected</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/form.py" line="108"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/form.py" line="111"/>
        <source>Cancel the correction</source>
        <translation>取消更正</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/form.py" line="173"/>
        <source>Alt+1 … Alt+7: kind · Tab: next field</source>
        <translation>Alt+1 … Alt+7：类别 · Tab：下一项</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/form.py" line="196"/>
        <source>Correction of entry %1</source>
        <translation>更正日志 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/form.py" line="198"/>
        <source>Saving adds a correction; entry %1 stays as it was.</source>
        <translation>保存后另记一条更正，日志 %1 保持原样。</translation>
    </message>
</context>
<context>
    <name>EquipmentForm</name>
    <message>
        <location filename="../../ui/teams/forms.py" line="504"/>
        <source>Edit equipment of %1</source>
        <translation>编辑 %1 的装备</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="506"/>
        <source>New equipment of %1</source>
        <translation>新增 %1 的装备</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="508"/>
        <source>Equipment</source>
        <translation>装备名称</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="508"/>
        <source>Such as 冲锋舟, 救生衣</source>
        <translation>如 冲锋舟、救生衣</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="509"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="512"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="513"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>EvaluationForm</name>
    <message>
        <location filename="../../ui/plans/forms.py" line="321"/>
        <source>Evaluation of the plan</source>
        <translation>预案评估</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="324"/>
        <source>%1 %2: the day its evaluation was completed.</source>
        <translation>%1 %2：评估完成的日期。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="332"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>EventBar</name>
    <message>
        <location filename="../../ui/common/event_bar.py" line="39"/>
        <source>Loading…</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <location filename="../../ui/common/event_bar.py" line="44"/>
        <source>Start an event…</source>
        <translation>启动事件…</translation>
    </message>
    <message>
        <location filename="../../ui/common/event_bar.py" line="49"/>
        <source>Response level…</source>
        <translation>调整响应级别…</translation>
    </message>
    <message>
        <location filename="../../ui/common/event_bar.py" line="51"/>
        <source>Mark returns…</source>
        <translation>登记返回…</translation>
    </message>
    <message>
        <location filename="../../ui/common/event_bar.py" line="53"/>
        <source>Once the response is lifted: everyone moved from a village is home again.</source>
        <translation>响应解除后：将某村已转移人员登记为已返回。</translation>
    </message>
    <message>
        <location filename="../../ui/common/event_bar.py" line="56"/>
        <source>End the event…</source>
        <translation>结束事件…</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <location filename="../../ui/common/event_text.py" line="24"/>
        <source>Response: %1</source>
        <translation>响应：%1</translation>
    </message>
    <message>
        <location filename="../../ui/common/event_text.py" line="26"/>
        <source>No emergency response in force</source>
        <translation>未启动应急响应</translation>
    </message>
    <message>
        <location filename="../../ui/common/event_text.py" line="28"/>
        <source>Event: %1 (%4) · %2 · started %3</source>
        <translation>事件：%1（%4）· %2 · 开始于 %3</translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <location filename="../../models/events.py" line="169"/>
        <source>Give the event a name.</source>
        <translation>请输入事件名称。</translation>
    </message>
    <message>
        <location filename="../../models/events.py" line="172"/>
        <source>The name is too long: at most 80 characters.</source>
        <translation>名称过长：最多 80 个字符。</translation>
    </message>
    <message>
        <location filename="../../models/events.py" line="176"/>
        <source>Unknown kind of event: %1</source>
        <translation>未知的事件类别：%1</translation>
    </message>
    <message>
        <location filename="../../models/events.py" line="195"/>
        <source>No typhoon %1 in the database: import its track first.</source>
        <translation>数据库中没有 %1 号台风：请先导入其路径。</translation>
    </message>
    <message>
        <location filename="../../models/command/levels.py" line="116"/>
        <location filename="../../models/events.py" line="180"/>
        <location filename="../../models/events.py" line="242"/>
        <source>Unknown response level: %1</source>
        <translation>未知的响应等级：%1</translation>
    </message>
    <message>
        <location filename="../../models/command/levels.py" line="121"/>
        <source>The response is already at %1.</source>
        <translation>应急响应已处于%1。</translation>
    </message>
    <message>
        <location filename="../../models/command/levels.py" line="127"/>
        <source>The sea-typhoon response is for typhoon events only.</source>
        <translation>海上防台风应急响应仅适用于台风事件。</translation>
    </message>
    <message>
        <location filename="../../models/command/levels.py" line="136"/>
        <source>Name the leader on shift who signed the change.</source>
        <translation>请填写签发本次调整的带班领导。</translation>
    </message>
    <message>
        <location filename="../../models/command/levels.py" line="142"/>
        <location filename="../../models/command/levels.py" line="259"/>
        <source>Give the reason for the change.</source>
        <translation>请填写调整理由。</translation>
    </message>
    <message>
        <location filename="../../models/command/levels.py" line="195"/>
        <source>The event ended.</source>
        <translation>事件结束。</translation>
    </message>
    <message>
        <location filename="../../models/command/levels.py" line="212"/>
        <location filename="../../models/command/levels.py" line="265"/>
        <source>A change cannot come before the event started.</source>
        <translation>调整时间不能早于事件开始时间。</translation>
    </message>
    <message>
        <location filename="../../models/command/levels.py" line="216"/>
        <source>A change cannot be recorded in the future.</source>
        <translation>调整时间不能晚于现在。</translation>
    </message>
    <message>
        <location filename="../../models/command/levels.py" line="226"/>
        <source>A change cannot come before the latest change recorded.</source>
        <translation>调整时间不能早于最近一次已记录的调整。</translation>
    </message>
    <message>
        <location filename="../../models/command/levels.py" line="245"/>
        <location filename="../../models/events.py" line="186"/>
        <source>Unknown event grade: %1</source>
        <translation>未知的事件等级：%1</translation>
    </message>
    <message>
        <location filename="../../models/command/levels.py" line="250"/>
        <source>The event is already graded %1.</source>
        <translation>事件已是%1等级。</translation>
    </message>
    <message>
        <location filename="../../models/command/levels.py" line="325"/>
        <source>No event in progress.</source>
        <translation>当前没有进行中的事件。</translation>
    </message>
    <message>
        <location filename="../../models/events.py" line="208"/>
        <source>The event %1 is still in progress; end it before starting another.</source>
        <translation>事件“%1”仍在进行中，请先结束该事件，再启动新的事件。</translation>
    </message>
    <message>
        <location filename="../../models/events.py" line="257"/>
        <source>Too long: at most %1 characters: %2</source>
        <translation>过长：最多 %1 个字符：%2</translation>
    </message>
    <message>
        <location filename="../../models/events.py" line="274"/>
        <source>An event cannot end before it started.</source>
        <translation>事件的结束时间不能早于开始时间。</translation>
    </message>
    <message>
        <location filename="../../models/command/levels.py" line="327"/>
        <location filename="../../models/events.py" line="287"/>
        <source>This event no longer exists.</source>
        <translation>该事件已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/events.py" line="291"/>
        <source>The event %1 has already ended.</source>
        <translation>事件“%1”已经结束。</translation>
    </message>
    <message>
        <location filename="../../models/command/incidents.py" line="72"/>
        <source>Unknown kind of incident: %1</source>
        <translation>未知的次生事件类型：%1</translation>
    </message>
    <message>
        <location filename="../../models/command/incidents.py" line="75"/>
        <source>Say where it happened.</source>
        <translation>请填写发生地点。</translation>
    </message>
    <message>
        <location filename="../../models/command/incidents.py" line="81"/>
        <source>Describe what happened.</source>
        <translation>请填写事件情况。</translation>
    </message>
    <message>
        <location filename="../../models/command/incidents.py" line="90"/>
        <source>No town or village with code %1.</source>
        <translation>没有区划代码为 %1 的乡镇或村。</translation>
    </message>
    <message>
        <location filename="../../models/command/incidents.py" line="98"/>
        <source>An incident cannot come before the event started.</source>
        <translation>次生事件时间不能早于事件开始时间。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../models/exports/households.py" line="174"/>
        <source>Choose the village whose list to export.</source>
        <translation>请选择要导出转移清单的村（社区）。</translation>
    </message>
    <message>
        <location filename="../../models/exports/households.py" line="180"/>
        <source>No village or community has the code %1.</source>
        <translation>没有代码为 %1 的村（社区）。</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="109"/>
        <source>Filled in by:</source>
        <translation>填报人：</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="110"/>
        <source>Checked by:</source>
        <translation>审核人：</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="111"/>
        <source>Date:</source>
        <translation>填报日期：</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="138"/>
        <source>There is no event %1.</source>
        <translation>没有编号为 %1 的事件。</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="141"/>
        <source>%1: transfer of people by town</source>
        <translation>%1人员转移情况汇总表</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="142"/>
        <source>Reporting unit: %1</source>
        <translation>填报单位：%1</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="144"/>
        <source>Time of the figures: %1</source>
        <translation>统计时间：%1</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="146"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="168"/>
        <source>The table counts the households and other objects on the transfer lists. Moved = in shelters + with relatives + forcibly moved; still at home = people to move - moved (people refusing are still at home until moved); completion rate = moved / people to move.</source>
        <translation>说明：本表统计转移清单内的住户和其他转移对象。已转移 = 集中安置 + 投亲靠友 + 强制转移；尚未转移 = 应转移 − 已转移（拒绝转移人员在转移前计入尚未转移）；转移率 = 已转移 ÷ 应转移。</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="206"/>
        <source>Transfer roll-up</source>
        <translation>转移汇总</translation>
    </message>
    <message>
        <location filename="../../models/exports/rollup.py" line="237"/>
        <source>Figures phoned in by towns (counted separately, not included above; the latest report of each town)</source>
        <translation>乡镇电话报送数（单独统计，未计入上表；取各乡镇最新一次报送）</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="49"/>
        <source>Owning unit</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="50"/>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="51"/>
        <source>Issued</source>
        <translation>印发日期</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="53"/>
        <source>Filed</source>
        <translation>备案日期</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="54"/>
        <source>Revision due</source>
        <translation>修订期限</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="93"/>
        <source> (estimated: past the official calendar)</source>
        <translation>（估算：超出官方节假日安排的年份）</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="133"/>
        <location filename="../../ui/printing/plans.py" line="45"/>
        <source>Contingency plan register and revision timetable</source>
        <translation>应急预案目录及修订时间表</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="147"/>
        <location filename="../../ui/printing/plans.py" line="62"/>
        <source>Contingency plan deadlines</source>
        <translation>应急预案期限提醒</translation>
    </message>
</context>
<context>
    <name>FigureCards</name>
    <message>
        <location filename="../../ui/transfers/figures.py" line="80"/>
        <source>moved / people to move</source>
        <translation>已转移 / 应转移</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="85"/>
        <source>%1 listed, %2 away</source>
        <translation>清单 %1 户，外出 %2 人</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="93"/>
        <source>Phoned in by towns (counted separately): %1 to move, %2 moved, latest at %3</source>
        <translation>乡镇电话报送（单独统计）：应转移 %1 人，已转移 %2 人，最新报送时间 %3</translation>
    </message>
</context>
<context>
    <name>FigureTabs</name>
    <message>
        <location filename="../../ui/transfers/figures.py" line="127"/>
        <location filename="../../ui/transfers/figures.py" line="320"/>
        <source>Attention</source>
        <translation>需关注</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="129"/>
        <source>Towns and streets</source>
        <translation>各乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="132"/>
        <source>Villages and communities</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="135"/>
        <source>By danger zone type</source>
        <translation>按危险区类型</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="144"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="146"/>
        <source>Keep the figures now as a report</source>
        <translation>立即保存当前数据作为一次报送</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="149"/>
        <source>The figures are kept every hour by themselves; keep them now as well, for example right after reporting upward.</source>
        <translation>系统每小时自动保存一次数据；也可以现在保存，例如刚向上级报送之后。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="154"/>
        <source>Since the last report</source>
        <translation>与上次报送比较</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="156"/>
        <source>Enter a town&apos;s figures…</source>
        <translation>录入乡镇报送数…</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="160"/>
        <source>Phoned in by towns</source>
        <translation>乡镇电话报送</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="163"/>
        <source>Figures phoned in by towns, counted separately from the households on the lists; the latest of each town counts.</source>
        <translation>乡镇电话报送的数字，与清单内住户分开统计；每个乡镇以最新一次报送为准。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="171"/>
        <source>Shelter occupancy</source>
        <translation>避灾安置场所占用情况</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="186"/>
        <source>Double-click a shelter for its arrivals list.</source>
        <translation>双击安置场所可查看到达登记。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="285"/>
        <source>none has room</source>
        <translation>均无空余</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="297"/>
        <source>⚠ %1 full, %2 above 90%</source>
        <translation>⚠ 已满 %1 个，超过 90% 的 %2 个</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="303"/>
        <source>%1 people assigned beyond capacity at %2 shelters: see the last columns</source>
        <translation>%2 个安置场所共超出容量 %1 人：见表格最后两列</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="320"/>
        <source>⚠ Attention (%1)</source>
        <translation>⚠ 需关注（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="330"/>
        <source>No report has been kept yet in this event: the figures are kept every hour.</source>
        <translation>本次事件尚未保存过报送数据；系统每小时自动保存一次。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/figures.py" line="336"/>
        <source>Changes since the figures kept at %1 (%2 figures changed).</source>
        <translation>与 %1 保存的数据相比（%2 项有变化）。</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../ui/login.py" line="101"/>
        <source>First start: create the administrator</source>
        <translation>首次启动：创建管理员</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="106"/>
        <source>This database has no users yet. Choose the administrator&apos;s name and password. There is no default password.</source>
        <translation>此数据库还没有用户。请设置管理员的用户名和密码。系统没有默认密码。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="118"/>
        <source>Administrator name</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="119"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="120"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="137"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>GoodsEditor</name>
    <message>
        <location filename="../../ui/supplies/entry_widgets.py" line="175"/>
        <source>Add (Enter)</source>
        <translation>添加（回车）</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/entry_widgets.py" line="215"/>
        <source>Choose an item of the catalogue: type its name or code.</source>
        <translation>请从物资目录中选择物资：输入名称或编码。</translation>
    </message>
</context>
<context>
    <name>GradeForm</name>
    <message>
        <location filename="../../ui/command/dialogs.py" line="205"/>
        <source>Event grade</source>
        <translation>事件等级</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="208"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="209"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>GridForm</name>
    <message>
        <location filename="../../ui/register/forms.py" line="94"/>
        <source>Edit responsibility grid</source>
        <translation>编辑责任网格</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="96"/>
        <source>New responsibility grid</source>
        <translation>新增责任网格</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="98"/>
        <source>Grid code</source>
        <translation>网格编码</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="98"/>
        <source>Unique, such as 331081101001-01</source>
        <translation>唯一编码，如 331081101001-01</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="99"/>
        <source>Grid name</source>
        <translation>网格名称</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="101"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="102"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="102"/>
        <source>Such as village committee member</source>
        <translation>如：村委委员</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="105"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="107"/>
        <source>Mobile or landline, such as 0576-86123456</source>
        <translation>手机或固定电话，如 0576-86123456</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../ui/dutylog/dialogs.py" line="61"/>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/dialogs.py" line="70"/>
        <source>What the next shift must pursue (遗留问题)</source>
        <translation>下一班需继续办理的事项（遗留问题）</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/dialogs.py" line="73"/>
        <source>Open items</source>
        <translation>遗留问题</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/dialogs.py" line="80"/>
        <source>Officer handing over</source>
        <translation>交班人</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/dialogs.py" line="81"/>
        <location filename="../../ui/dutylog/dialogs.py" line="83"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/dialogs.py" line="82"/>
        <source>Officer taking over</source>
        <translation>接班人</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/dialogs.py" line="93"/>
        <source>Hand over</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../ui/dutylog/dialogs.py" line="104"/>
        <source>This shift: %1 entries (%2). Follow-ups still open: %3.</source>
        <translation>本班日志 %1 条（%2）。未办结跟踪事项 %3 项。</translation>
    </message>
</context>
<context>
    <name>IdNumber</name>
    <message>
        <location filename="../../models/teams/identity.py" line="67"/>
        <source>The identity number is missing.</source>
        <translation>缺少身份证号码。</translation>
    </message>
    <message>
        <location filename="../../models/teams/identity.py" line="70"/>
        <location filename="../../models/teams/identity.py" line="75"/>
        <source>Not an identity number: %1</source>
        <translation>不是身份证号码：%1</translation>
    </message>
    <message>
        <location filename="../../models/teams/identity.py" line="80"/>
        <source>Excel stored this identity number as a number and kept only its first 15 digits (%1): the rest are lost. Format the column as text and type the number again from the card.</source>
        <translation>Excel 把这个身份证号码存成了数字，只保留了前 15 位（%1），其余数字已丢失。请把该列设为文本格式，再按身份证重新输入号码。</translation>
    </message>
    <message>
        <location filename="../../models/teams/identity.py" line="97"/>
        <source>The identity number %1 is in scientific notation: Excel took it for a number and kept only 15 digits, so the rest are lost. Format the column as text and type the number again from the card.</source>
        <translation>身份证号码 %1 是科学计数法：Excel 把它当成了数字，只保留 15 位，其余数字已丢失。请把该列设为文本格式，再按身份证重新输入号码。</translation>
    </message>
    <message>
        <location filename="../../models/teams/identity.py" line="116"/>
        <source>A 15-digit identity number holds digits only: %1</source>
        <translation>15 位身份证号码只能是数字：%1</translation>
    </message>
    <message>
        <location filename="../../models/teams/identity.py" line="127"/>
        <source>An identity number has 18 characters (or 15 on an old card); %1 has %2.</source>
        <translation>身份证号码应为 18 位（老证为 15 位），%1 有 %2 位。</translation>
    </message>
    <message>
        <location filename="../../models/teams/identity.py" line="139"/>
        <source>An identity number is 17 digits and a last digit or X: %1 holds other characters.</source>
        <translation>身份证号码由 17 位数字和最后一位数字或 X 组成：%1 含有其他字符。</translation>
    </message>
    <message>
        <location filename="../../models/teams/identity.py" line="150"/>
        <source>The check digit of %1 is wrong. Its last digits are zeros, as when Excel rounded the number to 15 digits: type the number again from the card.</source>
        <translation>%1 的校验位不对。它末尾是几个 0，像是 Excel 把号码截成了 15 位：请按身份证重新输入号码。</translation>
    </message>
    <message>
        <location filename="../../models/teams/identity.py" line="158"/>
        <source>The check digit of %1 is wrong (it should be %2): a digit was mistyped.</source>
        <translation>%1 的校验位不对（应为 %2）：有数字输错了。</translation>
    </message>
    <message>
        <location filename="../../models/teams/identity.py" line="171"/>
        <source>The region code of %1 cannot start with 0.</source>
        <translation>%1 的地区码不能以 0 开头。</translation>
    </message>
    <message>
        <location filename="../../models/teams/identity.py" line="178"/>
        <source>The birth date in %1 (%2) is not a date.</source>
        <translation>%1 中的出生日期（%2）不是有效日期。</translation>
    </message>
    <message>
        <location filename="../../models/teams/identity.py" line="184"/>
        <source>The birth date in %1 (%2) is not possible.</source>
        <translation>%1 中的出生日期（%2）不可能。</translation>
    </message>
    <message>
        <location filename="../../models/teams/identity.py" line="214"/>
        <source>The birth date %1 differs from the identity number&apos;s %2.</source>
        <translation>出生日期 %1 与身份证号码中的 %2 不符。</translation>
    </message>
    <message>
        <location filename="../../models/teams/identity.py" line="229"/>
        <source>The sex given (%1) differs from the identity number&apos;s (%2).</source>
        <translation>填写的性别（%1）与身份证号码中的（%2）不符。</translation>
    </message>
    <message>
        <location filename="../../models/teams/identity.py" line="234"/>
        <location filename="../../models/teams/identity.py" line="237"/>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../models/teams/identity.py" line="236"/>
        <location filename="../../models/teams/identity.py" line="239"/>
        <source>female</source>
        <translation>女</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../models/imports/divisions.py" line="158"/>
        <location filename="../../models/imports/gis/rows.py" line="111"/>
        <source>The code is empty.</source>
        <translation>代码为空。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="160"/>
        <source>The code must contain digits only.</source>
        <translation>代码只能包含数字。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="169"/>
        <source>The code must have 6 digits (county), 9 (town or street) or 12 (village or community), not %1.</source>
        <translation>代码应为 6 位（县）、9 位（乡镇、街道）或 12 位（村、社区），而不是 %1 位。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="176"/>
        <source>This is the code of a province or city, not of a county.</source>
        <translation>这是省或市的代码，不是县级代码。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="180"/>
        <source>The town part of the code (digits 7 to 9) is 000.</source>
        <translation>代码中的乡镇部分（第 7 至 9 位）为 000。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="192"/>
        <source>county</source>
        <translation>县</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="193"/>
        <source>town or street</source>
        <translation>乡镇或街道</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="194"/>
        <source>village or community</source>
        <translation>村或社区</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="212"/>
        <location filename="../../models/imports/gis/rows.py" line="151"/>
        <location filename="../../models/imports/gis/rows.py" line="185"/>
        <location filename="../../models/imports/gis/rows.py" line="197"/>
        <source>The name is empty.</source>
        <translation>名称为空。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="223"/>
        <source>The name is longer than %1 characters.</source>
        <translation>名称超过 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="241"/>
        <source>Unknown level: write county, town or village (县, 镇/街道, 村/社区).</source>
        <translation>级别无法识别：请填写县、镇/街道或村/社区。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="255"/>
        <source>The level does not match the code, which is the code of a %1.</source>
        <translation>级别与代码不符，该代码是%1的代码。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="277"/>
        <source>The parent code does not match the code; it should be %1.</source>
        <translation>上级代码与代码不符，应为 %1。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="377"/>
        <source>The code %1 appears %2 times in the file.</source>
        <translation>代码 %1 在文件中出现 %2 次。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="419"/>
        <source>The file holds more than one county; the first is %1 in row %2.</source>
        <translation>文件中包含多个县；第一个是第 %2 行的 %1。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="432"/>
        <location filename="../../models/imports/divisions.py" line="577"/>
        <source>The database already holds the county %1 %2; a second county cannot be imported.</source>
        <translation>数据库中已有县 %1 %2，不能再导入第二个县。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="461"/>
        <source>Its parent %1 was refused (row %2).</source>
        <translation>其上级 %1 已被拒绝（第 %2 行）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="472"/>
        <source>The code belongs to the county %1, not to the county %2 being imported.</source>
        <translation>该代码属于县 %1，而不是正在导入的县 %2。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="482"/>
        <source>Its county %1 is neither in the file nor in the database: add the county&apos;s row, or name the county (--county %1 --county-name NAME; in the import dialog, County code and County name).</source>
        <translation>其所属县 %1 既不在文件中，也不在数据库中：请在文件中加入该县一行，或指明该县（--county %1 --county-name 名称；在导入窗口中填写“县（市、区）代码”和“县（市、区）名称”）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="535"/>
        <source>The codes of the list belong to %1 counties (%2): name the county&apos;s code too (--county).</source>
        <translation>清单中的代码属于 %1 个县（%2）：请同时指明县代码（--county）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="550"/>
        <source>The county code %1 is not a county&apos;s: %2</source>
        <translation>%1 不是县级代码：%2</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="552"/>
        <source>a county&apos;s code has 6 digits.</source>
        <translation>县级代码为 6 位数字。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="561"/>
        <source>The file&apos;s row %1 is the county %2, not the county %3 named.</source>
        <translation>文件第 %1 行的县是 %2，与指明的县 %3 不符。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="591"/>
        <source>The county %1 is new to the database: name it too (--county-name).</source>
        <translation>数据库中尚无县 %1：请同时填写县名称（--county-name）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="604"/>
        <source>The county&apos;s name is longer than %1 characters.</source>
        <translation>县名称超过 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="639"/>
        <source>%1 development zones or similar units (town codes 400 to 599: %2) are imported as towns, holding their communities and villages.</source>
        <translation>%1 个开发区等类似乡级单位（乡级代码 400 至 599：%2）作为乡镇（街道）级区划导入，其下社区和村照常导入。</translation>
    </message>
    <message>
        <location filename="../../models/imports/divisions.py" line="495"/>
        <source>Its town %1 is neither in the file nor in the database.</source>
        <translation>其所属乡镇 %1 既不在文件中，也不在数据库中。</translation>
    </message>
    <message>
        <location filename="../../models/imports/problems.py" line="49"/>
        <source>Sheet %1, row %2, column %3, value &quot;%4&quot;: %5</source>
        <translation>工作表 %1，第 %2 行，第 %3 列，值“%4”：%5</translation>
    </message>
    <message>
        <location filename="../../models/imports/problems.py" line="59"/>
        <source>Sheet %1, row %2, column %3 (empty): %4</source>
        <translation>工作表 %1，第 %2 行，第 %3 列（空）：%4</translation>
    </message>
    <message>
        <location filename="../../models/imports/problems.py" line="67"/>
        <source>Sheet %1, row %2: %3</source>
        <translation>工作表 %1，第 %2 行：%3</translation>
    </message>
    <message>
        <location filename="../../models/imports/problems.py" line="74"/>
        <source>Sheet %1: %2</source>
        <translation>工作表 %1：%2</translation>
    </message>
    <message>
        <location filename="../../models/imports/problems.py" line="82"/>
        <source>Sheet %1, rows %2: %3</source>
        <translation>工作表 %1，第 %2 行：%3</translation>
    </message>
    <message>
        <location filename="../../models/imports/problems.py" line="89"/>
        <source>Sheet %1, rows %2, column %3 (empty): %4</source>
        <translation>工作表 %1，第 %2 行，第 %3 列（空）：%4</translation>
    </message>
    <message>
        <location filename="../../models/imports/problems.py" line="96"/>
        <source>Sheet %1, rows %2, column %3, value &quot;%4&quot;: %5</source>
        <translation>工作表 %1，第 %2 行，第 %3 列，值“%4”：%5</translation>
    </message>
    <message>
        <location filename="../../models/imports/problems.py" line="115"/>
        <source>%1 … (%2 rows in all)</source>
        <translation>%1 …（共 %2 行）</translation>
    </message>
    <message>
        <location filename="../../models/imports/report.py" line="133"/>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location filename="../../models/imports/report.py" line="135"/>
        <source>Sheet: %1</source>
        <translation>工作表：%1</translation>
    </message>
    <message>
        <location filename="../../models/imports/report.py" line="137"/>
        <source>SHA-256: %1</source>
        <translation>SHA-256 校验值：%1</translation>
    </message>
    <message>
        <location filename="../../models/imports/report.py" line="139"/>
        <source>Rows read: %1</source>
        <translation>读取行数：%1</translation>
    </message>
    <message>
        <location filename="../../models/imports/report.py" line="142"/>
        <source> (%1 total or note rows skipped)</source>
        <translation>（已跳过合计行或备注行 %1 行）</translation>
    </message>
    <message>
        <location filename="../../models/imports/report.py" line="149"/>
        <source>Columns not used: %1</source>
        <translation>未使用的列：%1</translation>
    </message>
    <message>
        <location filename="../../models/imports/report.py" line="155"/>
        <source>Nothing was imported from this file.</source>
        <translation>未从此文件导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../models/imports/report.py" line="157"/>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消：未写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../models/imports/report.py" line="161"/>
        <source>Dry run: nothing was written. With %1 problems, the import would write nothing either.</source>
        <translation>试运行：未写入任何数据。存在 %1 个问题，正式导入时也不会写入。</translation>
    </message>
    <message>
        <location filename="../../models/imports/report.py" line="171"/>
        <source>Dry run: nothing was written. The import would write %1 new, %2 updated, %3 unchanged.</source>
        <translation>试运行：未写入任何数据。正式导入将新增 %1 条、更新 %2 条、%3 条不变。</translation>
    </message>
    <message>
        <location filename="../../models/imports/report.py" line="183"/>
        <source>Nothing was written: %1 problems. Correct the file, or import only the valid rows.</source>
        <translation>未写入任何数据：共 %1 个问题。请修改文件，或选择只导入有效行。</translation>
    </message>
    <message>
        <location filename="../../models/imports/report.py" line="193"/>
        <source>Written in part: %1 new, %2 updated, %3 unchanged.</source>
        <translation>部分写入：新增 %1 条，更新 %2 条，%3 条不变。</translation>
    </message>
    <message>
        <location filename="../../models/imports/report.py" line="197"/>
        <source>Written: %1 new, %2 updated, %3 unchanged.</source>
        <translation>已写入：新增 %1 条，更新 %2 条，%3 条不变。</translation>
    </message>
    <message>
        <location filename="../../models/imports/report.py" line="208"/>
        <source>Only the valid rows were imported; %1 rows were refused.</source>
        <translation>只导入了有效行；%1 行被拒绝。</translation>
    </message>
    <message>
        <location filename="../../models/imports/report.py" line="219"/>
        <source>Accepted with a change (%1):</source>
        <translation>经修正后接受（%1）：</translation>
    </message>
    <message>
        <location filename="../../models/imports/report.py" line="226"/>
        <source>Problems (%1):</source>
        <translation>问题（%1 个）：</translation>
    </message>
    <message>
        <location filename="../../models/imports/report.py" line="234"/>
        <source>... and %1 more.</source>
        <translation>……另有 %1 个。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/features.py" line="52"/>
        <source>geometry</source>
        <translation>图形</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/features.py" line="152"/>
        <source>The file has no field %1. Its fields are: %2.</source>
        <translation>文件中没有字段 %1。文件的字段有：%2。</translation>
    </message>
    <message>
        <location filename="../../models/imports/spreadsheet/files.py" line="89"/>
        <source>The file %1 does not exist.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../../models/imports/spreadsheet/files.py" line="94"/>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 是文件夹，不是文件。</translation>
    </message>
    <message>
        <location filename="../../models/imports/spreadsheet/files.py" line="108"/>
        <source>The file cannot be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <location filename="../../models/imports/spreadsheet/files.py" line="211"/>
        <source>no answer after %1 seconds</source>
        <translation>%1 秒内无响应</translation>
    </message>
    <message>
        <location filename="../../models/imports/spreadsheet/files.py" line="227"/>
        <source>signal %1</source>
        <translation>信号 %1</translation>
    </message>
    <message>
        <location filename="../../models/imports/spreadsheet/files.py" line="229"/>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <location filename="../../models/imports/spreadsheet/files.py" line="250"/>
        <source>This file could not be read: the spreadsheet reader stopped on it (%1). The file may be damaged or made to do harm. Open it in Excel or WPS, save it as a new .xlsx file and import that.</source>
        <translation>无法读取此文件：表格读取程序在读取时中止（%1）。文件可能已损坏，或被人为构造以造成危害。请用 Excel 或 WPS 打开，另存为新的 .xlsx 文件后导入该文件。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/features.py" line="168"/>
        <source>The attribute table lacks the required field(s) %1.</source>
        <translation>属性表缺少必需的字段：%1。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/readers.py" line="39"/>
        <location filename="../../models/imports/spreadsheet/files.py" line="140"/>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/readers.py" line="47"/>
        <source>This is not a GIS file. Use GeoJSON, a Shapefile (.shp with its .dbf, or zipped), or CSV/Excel with longitude and latitude.</source>
        <translation>这不是 GIS 文件。请使用 GeoJSON、Shapefile（.shp 及其 .dbf，或打包为 zip），或含经纬度的 CSV/Excel 文件。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/geojson.py" line="35"/>
        <source>The text of the file is neither UTF-8 nor GBK.</source>
        <translation>文件编码既不是 UTF-8 也不是 GBK。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/geojson.py" line="42"/>
        <source>This is not valid GeoJSON: its brackets are nested too deeply to be coordinates.</source>
        <translation>这不是有效的 GeoJSON：括号嵌套过深，不可能是坐标。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/geojson.py" line="51"/>
        <source>This is not valid GeoJSON (%1).</source>
        <translation>这不是有效的 GeoJSON（%1）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/geojson.py" line="65"/>
        <source>This is JSON but not GeoJSON: it holds no FeatureCollection, Feature or geometry.</source>
        <translation>这是 JSON 文件，但不是 GeoJSON：其中没有 FeatureCollection、Feature 或 geometry。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/geojson.py" line="87"/>
        <source>This is not a GeoJSON feature.</source>
        <translation>这不是 GeoJSON 要素（Feature）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/geojson.py" line="116"/>
        <location filename="../../models/imports/gis/shapefile.py" line="160"/>
        <source>The geometry cannot be read (%1).</source>
        <translation>无法读取图形（%1）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/shapefile.py" line="38"/>
        <location filename="../../models/imports/gis/shapefile.py" line="83"/>
        <source>The Shapefile %1 lacks its .shp file.</source>
        <translation>Shapefile %1 缺少 .shp 文件。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/readers.py" line="101"/>
        <source>The zip file holds several Shapefiles (%1): import them one at a time.</source>
        <translation>zip 文件中有多个 Shapefile（%1）：请逐个导入。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/readers.py" line="115"/>
        <source>The zip file is protected by a password. Unpack it and import the Shapefile.</source>
        <translation>zip 文件设有密码保护。请解压后导入其中的 Shapefile。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/readers.py" line="139"/>
        <source>The zip file holds no Shapefile (.shp with its .dbf) and no single GeoJSON file.</source>
        <translation>zip 文件中既没有 Shapefile（.shp 及其 .dbf），也没有单个 GeoJSON 文件。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/shapefile.py" line="90"/>
        <source>The Shapefile %1 lacks its .dbf attribute table; copy the .dbf beside the .shp.</source>
        <translation>Shapefile %1 缺少 .dbf 属性表；请将 .dbf 文件复制到 .shp 文件所在的文件夹。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/shapefile.py" line="129"/>
        <source>The text of the attribute table (.dbf) is neither UTF-8 nor GBK.</source>
        <translation>属性表（.dbf）的编码既不是 UTF-8 也不是 GBK。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/points.py" line="24"/>
        <source>A spreadsheet holds points only, and %1 are areas: import a GeoJSON file or a Shapefile.</source>
        <translation>电子表格只能包含点，而%1是面：请导入 GeoJSON 文件或 Shapefile。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/points.py" line="56"/>
        <source>Enter the longitude and latitude in degrees, such as 121.38 or 121°22&apos;48&quot;.</source>
        <translation>请以度为单位填写经度和纬度，如 121.38 或 121°22&apos;48&quot;。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/points.py" line="61"/>
        <source>The coordinate is empty: every row needs its longitude and latitude.</source>
        <translation>坐标为空：每一行都需要填写经度和纬度。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/shapes.py" line="53"/>
        <source>boundaries</source>
        <translation>行政区划边界</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/shapes.py" line="54"/>
        <source>responsibility grids</source>
        <translation>责任网格</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/shapes.py" line="55"/>
        <source>danger zones</source>
        <translation>危险区（点）</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/shapes.py" line="56"/>
        <source>shelters</source>
        <translation>避灾安置场所</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/shapes.py" line="85"/>
        <source>The geometry is a %1, but %2 must be areas (polygons).</source>
        <translation>图形类型为 %1，但%2必须是面（多边形）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/shapes.py" line="92"/>
        <source>The geometry is a %1, but %2 must be points or areas (polygons).</source>
        <translation>图形类型为 %1，但%2必须是点或面（多边形）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/shapes.py" line="148"/>
        <source>The geometry is invalid (%1); repairing it would change its area by %2%, so it is refused (at most %3% is accepted). Correct it in the GIS software.</source>
        <translation>几何图形无效（%1）；修复会使面积变化 %2%，因此拒绝导入（最多允许 %3%）。请在 GIS 软件中更正。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/shapes.py" line="135"/>
        <source>The geometry is invalid (%1): its outline crosses itself so that, as drawn, it encloses no area. It is refused; correct it in the GIS software.</source>
        <translation>图形无效（%1）：轮廓线自相交，按现有画法围不成任何面积。已拒绝导入，请在 GIS 软件中修正。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/importer.py" line="58"/>
        <source>Unknown kind of map data %1: use boundaries, grids, danger-zones or shelters.</source>
        <translation>未知的地图数据类别 %1：请使用 boundaries、grids、danger-zones 或 shelters。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/importer.py" line="133"/>
        <source>The file holds no features.</source>
        <translation>文件中没有要素。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/coordinates.py" line="50"/>
        <location filename="../../models/imports/registry.py" line="118"/>
        <source>Unknown coordinate system %1: use wgs84, cgcs2000, gcj02, bd09 or EPSG:NNNN (for example EPSG:4549).</source>
        <translation>未知的坐标系 %1：请使用 wgs84、cgcs2000、gcj02、bd09 或 EPSG:NNNN（如 EPSG:4549）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/coordinates.py" line="65"/>
        <source>The file&apos;s coordinate system %1 has no EPSG code. State it with --crs EPSG:NNNN (for example EPSG:4549).</source>
        <translation>文件的坐标系 %1 没有 EPSG 代码。请用 --crs EPSG:NNNN 指定（如 EPSG:4549）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/coordinates.py" line="73"/>
        <source>The file&apos;s coordinate system cannot be read (%1). State it with --crs.</source>
        <translation>无法读取文件的坐标系（%1）。请用 --crs 指定。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/base.py" line="100"/>
        <source>The geometry was invalid (%1) and was repaired; the area changed by %2% (at most %3% is accepted).</source>
        <translation>几何图形无效（%1），已修复；面积变化 %2%（最多允许 %3%）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/base.py" line="114"/>
        <location filename="../../models/imports/gis/base.py" line="121"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/coordinates.py" line="102"/>
        <source>The feature has no geometry.</source>
        <translation>该要素没有图形。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/coordinates.py" line="132"/>
        <source>Easting and northing look swapped: the northing (the larger number) comes first.</source>
        <translation>东坐标和北坐标似乎颠倒了：数据中北坐标（较大的数）在前。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/coordinates.py" line="137"/>
        <source>Longitude and latitude look swapped: in China the longitude is the larger number.</source>
        <translation>经纬度似乎填反了：在我国境内，经度是较大的数。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/coordinates.py" line="151"/>
        <source>The coordinates cannot be converted from %1: check the coordinate system (--crs).</source>
        <translation>无法从 %1 转换坐标：请检查坐标系（--crs）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/coordinates.py" line="164"/>
        <source>Outside China (longitude %1, latitude %2 after conversion from %3): check the coordinate system (--crs).</source>
        <translation>位于我国境外（由 %3 转换后为经度 %1、纬度 %2）：请检查坐标系（--crs）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/coordinates.py" line="181"/>
        <source>The geometry cannot be checked (%1).</source>
        <translation>无法检查图形（%1）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/coordinates.py" line="214"/>
        <source>More than %1 km outside the county %2: check the coordinate system (--crs) and that the data belongs to this county.</source>
        <translation>超出县 %2 范围 %1 公里以上：请检查坐标系（--crs），并确认数据属于本县。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/coordinates.py" line="244"/>
        <source>The coordinates are metres of a projection, not degrees of %1. State the coordinate system with --crs, for example %2.</source>
        <translation>坐标是以米为单位的投影坐标，不是 %1 的经纬度（度）。请用 --crs 指定坐标系，如 %2。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/coordinates.py" line="257"/>
        <source>The coordinates look like degrees of longitude and latitude, but %1 is a projection in metres. State the right coordinate system with --crs (wgs84 for degrees).</source>
        <translation>坐标看起来是经纬度（度），但 %1 是以米为单位的投影坐标系。请用 --crs 指定正确的坐标系（经纬度用 wgs84）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/coordinates.py" line="271"/>
        <source>The eastings (about %1 m) do not fit %2: the zone number in front is missing or extra. Use --crs EPSG:%3 (%4).</source>
        <translation>东坐标（约 %1 米）与 %2 不符：前面的带号缺失或多余。请使用 --crs EPSG:%3（%4）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/rows.py" line="34"/>
        <location filename="../../models/imports/gis/rows.py" line="120"/>
        <source>Too long: at most %1 characters.</source>
        <translation>过长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/rows.py" line="50"/>
        <source>Not a mobile number (11 digits starting with 13 to 19) or a landline number (such as 0576-86123456).</source>
        <translation>不是有效的手机号码（以 13 至 19 开头的 11 位数字）或固定电话（如 0576-86123456）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/rows.py" line="66"/>
        <source>The village code is empty.</source>
        <translation>村代码为空。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/rows.py" line="76"/>
        <source>%1 is the code of %2, not of a village or community.</source>
        <translation>%1 是 %2 的代码，不是村（社区）的代码。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/rows.py" line="84"/>
        <source>Unknown village code %1: no village or community in the database has it.</source>
        <translation>未知的村代码 %1：数据库中没有使用该代码的村（社区）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/rows.py" line="133"/>
        <source>No division has the code %1: import the division list first (import divisions).</source>
        <translation>没有代码为 %1 的行政区划：请先导入行政区划清单（import divisions）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/rows.py" line="171"/>
        <source>Unknown type of danger zone: write one of 山洪, 地质灾害, 低洼易涝, 危旧房, 海塘, 工棚, 渔排, 景区.</source>
        <translation>未知的危险区类别：请填写山洪、地质灾害、低洼易涝、危旧房、海塘、工棚、渔排、景区之一。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/rows.py" line="176"/>
        <source>The type is empty.</source>
        <translation>类别为空。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/rows.py" line="211"/>
        <source>Unknown shelter level: write 县级, 镇级 or 村级.</source>
        <translation>未知的避灾安置场所级别：请填写县级、镇级或村级。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/rows.py" line="224"/>
        <source>The capacity must be a whole number of persons.</source>
        <translation>容纳人数须为整数。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/rows.py" line="249"/>
        <source>Write 是 or 否.</source>
        <translation>请填写“是”或“否”。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/writer.py" line="29"/>
        <source>rows</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/writer.py" line="31"/>
        <source>features</source>
        <translation>个要素</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/writer.py" line="41"/>
        <source>%1 appears more than once in the file (%2 %3).</source>
        <translation>%1 在文件中重复出现（第 %3 %2）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/writer.py" line="96"/>
        <source>The responsible person is empty: a new grid needs one.</source>
        <translation>责任人为空：新建网格必须填写责任人。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/writer.py" line="111"/>
        <source>No grid of this village has this code.</source>
        <translation>本村没有使用此编码的网格。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/writer.py" line="124"/>
        <source>The level is empty: a new shelter needs one (县级, 镇级 or 村级).</source>
        <translation>级别为空：新建避灾安置场所必须填写级别（县级、镇级或村级）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/writer.py" line="135"/>
        <source>The capacity is empty: a new shelter needs one.</source>
        <translation>容纳人数为空：新建避灾安置场所必须填写容纳人数。</translation>
    </message>
    <message>
        <location filename="../../models/imports/spreadsheet/files.py" line="158"/>
        <source>This is a web page or XML file saved under a spreadsheet name. Open it in Excel or WPS and save it as .xlsx, then import that file.</source>
        <translation>这是以电子表格文件名保存的网页或 XML 文件。请用 Excel 或 WPS 打开并另存为 .xlsx，再导入该文件。</translation>
    </message>
    <message>
        <location filename="../../models/imports/spreadsheet/files.py" line="173"/>
        <source>The file is protected by a password. Open it in Excel or WPS, remove the password, save it and import it again.</source>
        <translation>文件设有密码保护。请用 Excel 或 WPS 打开，取消密码并保存后重新导入。</translation>
    </message>
    <message>
        <location filename="../../models/imports/spreadsheet/files.py" line="183"/>
        <source>This is not a spreadsheet. Use an .xlsx, .xls or .csv file.</source>
        <translation>这不是电子表格文件。请使用 .xlsx、.xls 或 .csv 文件。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/features.py" line="71"/>
        <location filename="../../models/imports/spreadsheet/files.py" line="274"/>
        <source>The file is damaged or incomplete and cannot be read (%1).</source>
        <translation>文件已损坏或不完整，无法读取（%1）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/spreadsheet/files.py" line="298"/>
        <source>The text of the file is neither UTF-8 nor GBK. Save it from Excel or WPS as .xlsx or as CSV (UTF-8).</source>
        <translation>文件编码既不是 UTF-8 也不是 GBK。请用 Excel 或 WPS 另存为 .xlsx 或 CSV（UTF-8）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/spreadsheet/table.py" line="270"/>
        <source>The file has no sheet named %1.</source>
        <translation>文件中没有名为 %1 的工作表。</translation>
    </message>
    <message>
        <location filename="../../models/imports/spreadsheet/table.py" line="281"/>
        <source>The sheet is empty.</source>
        <translation>工作表为空。</translation>
    </message>
    <message>
        <location filename="../../models/imports/spreadsheet/table.py" line="284"/>
        <source>The file holds no data.</source>
        <translation>文件中没有数据。</translation>
    </message>
    <message>
        <location filename="../../models/imports/spreadsheet/table.py" line="301"/>
        <source>The header lacks the required column(s) %1.</source>
        <translation>表头缺少必需的列：%1。</translation>
    </message>
    <message>
        <location filename="../../models/imports/spreadsheet/table.py" line="310"/>
        <source>No header with the required columns %1 was found in the first %2 rows.</source>
        <translation>在前 %2 行中未找到包含必需列 %1 的表头。</translation>
    </message>
    <message>
        <location filename="../../models/imports/spreadsheet/table.py" line="377"/>
        <source>There are no data rows under the header.</source>
        <translation>表头下方没有数据行。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/village.py" line="89"/>
        <source>The file has no title naming the village above the header. Give the village code (--village).</source>
        <translation>表头上方没有写明村名的标题行。请指定村代码（--village）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/village.py" line="114"/>
        <source>No village or community of the register is named in the title &quot;%1&quot;. Give the village code (--village).</source>
        <translation>标题“%1”中没有基础信息中已登记的村（社区）名称。请指定村代码（--village）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/village.py" line="122"/>
        <source>The title &quot;%1&quot; could name several villages (%2). Give the village code (--village).</source>
        <translation>标题“%1”可能对应多个村（%2）。请指定村代码（--village）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="163"/>
        <source>The cell holds no value that could be read (an error or a formula never calculated). Enter the value itself, or empty the cell.</source>
        <translation>单元格中没有可读取的值（错误值或从未计算的公式）。请填写数值本身，或清空该单元格。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="180"/>
        <source>The householder&apos;s name is empty.</source>
        <translation>户主姓名为空。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="187"/>
        <source>The name is longer than 30 characters.</source>
        <translation>姓名超过 30 个字符。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="200"/>
        <source>The number of residents must be a whole number of at least 1 (such as 3 or 3人).</source>
        <translation>居住人数须为不小于 1 的整数（如 3 或 3人）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="248"/>
        <source>Not a count of people: write a whole number such as 2, or leave the cell empty.</source>
        <translation>不是人数：请填写整数（如 2），或将单元格留空。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="260"/>
        <source>More than the %1 residents of the household.</source>
        <translation>超过该户居住人数（%1 人）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="277"/>
        <source>Longer than %1 characters.</source>
        <translation>超过 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="310"/>
        <source>Not a valid mobile number (11 digits starting with 13 to 19) or landline (such as 0576-86123456).</source>
        <translation>不是有效的手机号码（以 13 至 19 开头的 11 位数字）或固定电话（如 0576-86123456）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="333"/>
        <source>The danger zone is empty.</source>
        <translation>危险区（点）为空。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="357"/>
        <source>No danger zone or hazard point of this name in %1. Add it to the register first.</source>
        <translation>%1 没有此名称的危险区（点）。请先在基础信息中添加。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="369"/>
        <source>Several danger zones of %1 have this name; write the zone&apos;s code instead.</source>
        <translation>%1 有多个危险区（点）使用此名称，请改填其编码。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="414"/>
        <source>No responsibility grid of this name in %1.</source>
        <translation>%1 没有此名称的责任网格。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="418"/>
        <source>Several grids have this name; write the grid&apos;s code instead.</source>
        <translation>有多个网格使用此名称，请改填网格编码。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="455"/>
        <source>No shelter of this name in the register.</source>
        <translation>基础信息中没有此名称的避灾安置场所。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="459"/>
        <source>Several shelters outside this town have this name; the list cannot say which one.</source>
        <translation>本乡镇以外有多个同名的避灾安置场所，无法从清单确定是哪一个。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="517"/>
        <source>Give both longitude and latitude, or neither.</source>
        <translation>经度和纬度要么都填，要么都不填。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="527"/>
        <source>Not a longitude: write decimal degrees such as 121.38.</source>
        <translation>不是经度：请填写十进制度数，如 121.38。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="537"/>
        <source>Not a latitude: write decimal degrees such as 28.37.</source>
        <translation>不是纬度：请填写十进制度数，如 28.37。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="558"/>
        <source>Longitude and latitude look swapped: longitude is the larger number in China.</source>
        <translation>经纬度似乎填反了：在我国境内，经度是较大的数。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="568"/>
        <source>Longitude must be between 73 and 136 degrees east (China).</source>
        <translation>经度应在东经 73 至 136 度之间（我国境内）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/parser.py" line="577"/>
        <source>Latitude must be between 3 and 54 degrees north (China).</source>
        <translation>纬度应在北纬 3 至 54 度之间（我国境内）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/checks.py" line="38"/>
        <source>Longitude and latitude look swapped.</source>
        <translation>经纬度似乎填反了。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/checks.py" line="41"/>
        <source>The point (%1, %2) lies outside the county. Check the numbers and the coordinate system (WGS84, GCJ-02 or BD-09).</source>
        <translation>点（%1, %2）位于本县范围以外。请检查数值和坐标系（WGS84、GCJ-02 或 BD-09）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/checks.py" line="108"/>
        <source>The number is masked. Enter the full number (only a number already in the register for this household may stay masked).</source>
        <translation>号码已脱敏。请填写完整号码（只有该户在基础信息中已登记的号码可以保持脱敏）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/importer.py" line="148"/>
        <source>There are no households under the header.</source>
        <translation>表头下方没有住户数据。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/importer.py" line="175"/>
        <source>No village or community has the code %1.</source>
        <translation>没有代码为 %1 的村（社区）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/importer.py" line="217"/>
        <source>The household of %1 (mobile %2) is listed %3 times.</source>
        <translation>户主 %1（手机 %2）的住户在名单中出现 %3 次。</translation>
    </message>
    <message>
        <location filename="../../models/imports/households/importer.py" line="221"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../models/imports/limits.py" line="72"/>
        <source>The file is %1 MB, more than the %2 MB a file of this kind may have. Nothing was read.</source>
        <translation>文件大小为 %1 MB，超过此类文件允许的 %2 MB 上限，未读取。</translation>
    </message>
    <message>
        <location filename="../../models/imports/limits.py" line="87"/>
        <source>This is not an ordinary file (it is a device, a pipe or a socket) and is not read. Import a file saved on disk.</source>
        <translation>这不是普通文件（而是设备、管道或套接字），不予读取。请导入保存在磁盘上的文件。</translation>
    </message>
    <message>
        <location filename="../../models/imports/limits.py" line="100"/>
        <source>The sheet reaches row %1, beyond the %2 rows a file of this kind may have. Delete the rows below the list (or split the list) and import it again.</source>
        <translation>工作表已到第 %1 行，超出此类文件最多 %2 行的上限。请删除名单下方的行（或拆分名单）后重新导入。</translation>
    </message>
    <message>
        <location filename="../../models/imports/limits.py" line="117"/>
        <source>The sheet reaches column %1, beyond the %2 columns a file of this kind may have. Delete the columns right of the list and import it again.</source>
        <translation>工作表已到第 %1 列，超出此类文件最多 %2 列的上限。请删除名单右侧的列后重新导入。</translation>
    </message>
    <message>
        <location filename="../../models/imports/limits.py" line="134"/>
        <source>The file holds %1 rows or features, more than the %2 a file of this kind may have. Nothing was imported.</source>
        <translation>文件含 %1 行或要素，超过此类文件最多 %2 个的上限。未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/containment.py" line="159"/>
        <source>Outside the village %1 named in the file (by about %2 m); moved to the village %3, whose outline holds it.</source>
        <translation>不在文件所填的村 %1 边界内（超出约 %2 米）；已改归包含它的村 %3。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/containment.py" line="171"/>
        <source>It lies in the village %1: correct the village code, or import with --reassign to move it there.</source>
        <translation>它位于村 %1 内：请更正村代码，或用 --reassign 导入以改归该村。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/containment.py" line="178"/>
        <source>No village&apos;s outline holds it whole: correct its geometry.</source>
        <translation>没有哪个村的边界能完整包含它：请更正其几何图形。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/containment.py" line="186"/>
        <source>It lies outside its village %1 (by about %2 m). %3</source>
        <translation>它不在所属村 %1 的边界内（超出约 %2 米）。%3</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/containment.py" line="292"/>
        <source>; and %1 more</source>
        <translation>；另有 %1 处</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/containment.py" line="302"/>
        <source>The outline was fitted to the outlines around and within it: it strayed from them by at most %1 m (up to %2 m is fitted).</source>
        <translation>边界已与其上级和所含区域对齐：原边界与它们相差至多 %1 米（%2 米以内予以对齐）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/containment.py" line="317"/>
        <source>The outline would fail the database check: %1. Correct the outlines so that they nest.</source>
        <translation>该边界将使数据库检查不通过：%1。请更正边界，使其逐级包含。</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/containment.py" line="353"/>
        <source>it lies outside %1 (by about %2 m)</source>
        <translation>它超出了 %1（约 %2 米）</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/containment.py" line="354"/>
        <source>it leaves %1 outside (by about %2 m)</source>
        <translation>它未包含 %1（超出约 %2 米）</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/containment.py" line="355"/>
        <source>it leaves the grid %1 outside (by about %2 m)</source>
        <translation>它未包含网格 %1（超出约 %2 米）</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/containment.py" line="356"/>
        <source>it leaves the danger zone %1 outside (by about %2 m)</source>
        <translation>它未包含危险区 %1（超出约 %2 米）</translation>
    </message>
    <message>
        <location filename="../../models/imports/gis/containment.py" line="357"/>
        <source>it leaves the shelter %1 outside (by about %2 m)</source>
        <translation>它未包含避灾场所 %1（超出约 %2 米）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="123"/>
        <source>Unknown coordinate system %1: use wgs84, cgcs2000, gcj02 or bd09.</source>
        <translation>未知的坐标系 %1：请使用 wgs84、cgcs2000、gcj02 或 bd09。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../models/imports/registry.py" line="47"/>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.tsv)</source>
        <translation>电子表格 (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.tsv)</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="50"/>
        <source>Map data (*.zip *.shp *.geojson *.json *.xlsx *.xlsm *.xls *.ods *.csv *.txt *.tsv)</source>
        <translation>地图数据 (*.zip *.shp *.geojson *.json *.xlsx *.xlsm *.xls *.ods *.csv *.txt *.tsv)</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="51"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="303"/>
        <source>Divisions (towns and villages)</source>
        <translation>行政区划（乡镇、村）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="340"/>
        <source>Village transfer list (households)</source>
        <translation>村转移清单（住户）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="386"/>
        <source>Division boundaries</source>
        <translation>行政区划界线</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="387"/>
        <source>Responsibility grids</source>
        <translation>责任网格</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="388"/>
        <source>Danger zones and hazard points</source>
        <translation>危险区（点）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="389"/>
        <source>Shelters</source>
        <translation>避灾安置场所</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="392"/>
        <source>Typhoon track</source>
        <translation>台风路径</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="56"/>
        <source>WGS84 (GPS)</source>
        <translation>WGS84（GPS）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="57"/>
        <source>CGCS2000 (national)</source>
        <translation>CGCS2000（国家大地坐标系）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="58"/>
        <source>GCJ-02 (Amap, Tencent)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="59"/>
        <source>BD-09 (Baidu)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="141"/>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="149"/>
        <source>The file holds</source>
        <translation>文件内容</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="153"/>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="155"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="158"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="207"/>
        <source>Coordinate system</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="212"/>
        <source>Choose one, or type an EPSG code such as EPSG:4549</source>
        <translation>请选择，或输入 EPSG 代码，如 EPSG:4549</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="237"/>
        <source>Code field</source>
        <translation>代码字段</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="245"/>
        <location filename="../../models/imports/registry.py" line="257"/>
        <source>Optional: else found by its name</source>
        <translation>可选：不填则按字段名识别</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="250"/>
        <source>Name field</source>
        <translation>名称字段</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="262"/>
        <source>Move features to the village containing them</source>
        <translation>将要素改归包含它的村</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="270"/>
        <source>Without this, a feature outside the outline of the village it names is refused.</source>
        <translation>不勾选时，不在所填村边界内的要素将被拒绝导入。</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="312"/>
        <source>County code</source>
        <translation>县（市、区）代码</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="319"/>
        <source>Optional: 6 digits, for a list without the county&apos;s row</source>
        <translation>可选：6 位数字，用于没有县本身一行的清单</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="326"/>
        <source>County name</source>
        <translation>县（市、区）名称</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="332"/>
        <source>Optional: needed for a county new to the database</source>
        <translation>可选：数据库中尚无该县时必填</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="355"/>
        <source>Village code</source>
        <translation>村（社区）代码</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="361"/>
        <source>Optional: else found from the title</source>
        <translation>可选：不填则从标题识别</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="368"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="372"/>
        <source>From the title, else this year</source>
        <translation>从标题识别，否则为今年</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="413"/>
        <source>Typhoon number</source>
        <translation>台风编号</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="415"/>
        <source>Optional, such as 2309</source>
        <translation>可选，如 2309</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="420"/>
        <source>Typhoon name</source>
        <translation>台风名称</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="422"/>
        <source>Needed for a new typhoon without a name column</source>
        <translation>新台风且文件无名称列时必填</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="430"/>
        <source>Member units (name, duty phone, contact)</source>
        <translation>成员单位（名称、值班电话、联系人）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="438"/>
        <source>Contingency plans (the plan register)</source>
        <translation>应急预案（预案目录）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="446"/>
        <source>Plan actions (stages, triggers, actions)</source>
        <translation>预案响应任务（响应级别、启动条件、任务）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="455"/>
        <source>Plan code</source>
        <translation>预案编号</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="462"/>
        <source>Such as ZX-01</source>
        <translation>如 ZX-01</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="468"/>
        <source>Supply warehouses (code, name, level, location)</source>
        <translation>物资仓库（编码、名称、级别、位置）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="487"/>
        <source>Supply catalogue (code, name, category, unit)</source>
        <translation>物资目录（编码、名称、类别、单位）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="495"/>
        <source>Opening stock (warehouse, item, quantity, dates)</source>
        <translation>期初库存（仓库、物资、数量、日期）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="503"/>
        <source>Rescue teams</source>
        <translation>救援队伍</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="522"/>
        <source>Team members (roster)</source>
        <translation>救援队员（花名册）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="531"/>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="538"/>
        <source>Optional: else from the title or the 所属队伍 column</source>
        <translation>可选：否则按标题或“所属队伍”列</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="546"/>
        <source>Expert pool</source>
        <translation>专家库</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="554"/>
        <source>GB/T 38565-2020 supply class table (code, name)</source>
        <translation>GB/T 38565-2020 应急物资分类代码表（代码、名称）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="133"/>
        <source>Check only (dry run)</source>
        <translation>仅检查（试运行）</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="141"/>
        <source>Import only the valid rows</source>
        <translation>仅导入有效行</translation>
    </message>
    <message>
        <location filename="../../models/imports/registry.py" line="148"/>
        <source>Without this, nothing is written when any row is refused.</source>
        <translation>不勾选时，只要有一行被拒绝，就不写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="187"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="191"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="204"/>
        <source>The report appears here.</source>
        <translation>导入报告将显示在此处。</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="210"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="224"/>
        <source>You are not allowed to import data.</source>
        <translation>您无权导入数据。</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="277"/>
        <source>As the file declares (else WGS84)</source>
        <translation>按文件声明（未声明则为 WGS84）</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="316"/>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="331"/>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="334"/>
        <source>The file %1 does not exist.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="344"/>
        <source>Checking…</source>
        <translation>正在检查……</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="344"/>
        <source>Importing…</source>
        <translation>正在导入……</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="365"/>
        <source>Cancelling…</source>
        <translation>正在取消……</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="378"/>
        <source>No report.</source>
        <translation>无报告。</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="381"/>
        <source>The import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="401"/>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消：未写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="403"/>
        <source>Refused: the file cannot be imported. Nothing was written.</source>
        <translation>已拒绝：该文件无法导入，未写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="407"/>
        <source>Check failed: %1 problems. Importing would write nothing.</source>
        <translation>检查未通过：存在 %1 个问题，导入时不会写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="409"/>
        <source>Refused: %1 problems. Nothing was written.</source>
        <translation>已拒绝：存在 %1 个问题，未写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="412"/>
        <source>Check passed: importing would write %1 new, %2 updated, %3 unchanged.</source>
        <translation>检查通过：导入将新增 %1 条、更新 %2 条、%3 条不变。</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="417"/>
        <source>Valid rows imported: %1 new, %2 updated, %3 unchanged; %4 rows refused.</source>
        <translation>已导入有效行：新增 %1 条、更新 %2 条、%3 条不变；拒绝 %4 行。</translation>
    </message>
    <message>
        <location filename="../../ui/common/import_dialog.py" line="421"/>
        <source>Imported: %1 new, %2 updated, %3 unchanged.</source>
        <translation>导入完成：新增 %1 条、更新 %2 条、%3 条不变。</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <location filename="../../ui/command/dialogs.py" line="223"/>
        <source>Log an incident</source>
        <translation>登记险情</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="225"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="226"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="226"/>
        <source>Where it happened</source>
        <translation>发生地点</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="227"/>
        <source>Town or village code</source>
        <translation>乡镇或村代码</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="227"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="228"/>
        <source>What happened</source>
        <translation>情况</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="231"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>InsuranceForm</name>
    <message>
        <location filename="../../ui/teams/forms.py" line="413"/>
        <source>Record accident insurance of %1</source>
        <translation>登记 %1 的意外伤害保险</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="414"/>
        <source>Kind</source>
        <translation>险种</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="414"/>
        <source>Such as 团体意外伤害保险</source>
        <translation>如 团体意外伤害保险</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="415"/>
        <source>Policy number</source>
        <translation>保单号</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="416"/>
        <source>Insurer</source>
        <translation>保险公司</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="417"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="417"/>
        <source>Such as 2026-01-01</source>
        <translation>如 2026-01-01</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="418"/>
        <source>Until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="418"/>
        <source>Such as 2026-12-31</source>
        <translation>如 2026-12-31</translation>
    </message>
</context>
<context>
    <name>Label</name>
    <message>
        <location filename="../../models/labels.py" line="16"/>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="17"/>
        <source>Town / street</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="18"/>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="22"/>
        <source>Flash flood</source>
        <translation>山洪</translation>
    </message>
    <message>
        <location filename="../../models/events.py" line="32"/>
        <location filename="../../models/labels.py" line="23"/>
        <source>Geological hazard</source>
        <translation>地质灾害</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="24"/>
        <source>Low-lying waterlogging</source>
        <translation>低洼易涝</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="25"/>
        <source>Dilapidated housing</source>
        <translation>危旧房</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="26"/>
        <source>Seawall and coast</source>
        <translation>海塘、海岛</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="27"/>
        <source>Work sheds and sites</source>
        <translation>工棚、在建工地</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="28"/>
        <source>Fishing boats and rafts</source>
        <translation>渔船、渔排</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="29"/>
        <location filename="../../models/transfers/common.py" line="34"/>
        <source>Scenic spot</source>
        <translation>景区</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="33"/>
        <source>County level</source>
        <translation>县级</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="34"/>
        <source>Town level</source>
        <translation>乡镇级</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="35"/>
        <source>Village level</source>
        <translation>村级</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="39"/>
        <source>Village head</source>
        <translation>村级主要负责人</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="40"/>
        <source>Monitoring and warning</source>
        <translation>监测预警组</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="41"/>
        <source>Transfer</source>
        <translation>人员转移组</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="42"/>
        <source>Rescue</source>
        <translation>抢险救援组</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="43"/>
        <source>Patroller</source>
        <translation>巡查员</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="44"/>
        <source>Shelter manager</source>
        <translation>避灾场所管理员</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="45"/>
        <source>Liaison</source>
        <translation>联络员</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="49"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="50"/>
        <source>Duty officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="51"/>
        <source>Planner</source>
        <translation>预案管理员</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="52"/>
        <source>Clerk</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="53"/>
        <source>Viewer</source>
        <translation>查看者</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="54"/>
        <source>Local operator</source>
        <translation>本机操作员</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="58"/>
        <source>Sea-typhoon response</source>
        <translation>海上防台风应急响应</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="59"/>
        <source>Level IV (blue)</source>
        <translation>Ⅳ级（蓝色）</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="60"/>
        <source>Level III (yellow)</source>
        <translation>Ⅲ级（黄色）</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="61"/>
        <source>Level II (orange)</source>
        <translation>Ⅱ级（橙色）</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="62"/>
        <source>Level I (red)</source>
        <translation>Ⅰ级（红色）</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="75"/>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="76"/>
        <source>Relatively major</source>
        <translation>较大</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="77"/>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../models/labels.py" line="78"/>
        <source>Especially major</source>
        <translation>特别重大</translation>
    </message>
    <message>
        <location filename="../../models/events.py" line="29"/>
        <source>Typhoon</source>
        <translation>台风</translation>
    </message>
    <message>
        <location filename="../../models/events.py" line="30"/>
        <source>Rainstorm</source>
        <translation>暴雨</translation>
    </message>
    <message>
        <location filename="../../models/events.py" line="31"/>
        <source>Flood</source>
        <translation>洪水</translation>
    </message>
    <message>
        <location filename="../../models/events.py" line="33"/>
        <location filename="../../models/teams/codes.py" line="28"/>
        <source>Forest fire</source>
        <translation>森林火灾</translation>
    </message>
    <message>
        <location filename="../../models/command/incidents.py" line="21"/>
        <source>Landslide</source>
        <translation>山体滑坡</translation>
    </message>
    <message>
        <location filename="../../models/command/incidents.py" line="22"/>
        <source>Flooding</source>
        <translation>内涝积水</translation>
    </message>
    <message>
        <location filename="../../models/command/incidents.py" line="23"/>
        <source>Building collapse</source>
        <translation>房屋倒塌</translation>
    </message>
    <message>
        <location filename="../../models/command/incidents.py" line="24"/>
        <location filename="../../models/events.py" line="34"/>
        <source>Accident</source>
        <translation>事故</translation>
    </message>
    <message>
        <location filename="../../models/command/incidents.py" line="25"/>
        <source>People trapped</source>
        <translation>人员被困</translation>
    </message>
    <message>
        <location filename="../../models/command/incidents.py" line="26"/>
        <location filename="../../models/events.py" line="35"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../models/transfers/common.py" line="20"/>
        <source>To move</source>
        <translation>待转移</translation>
    </message>
    <message>
        <location filename="../../models/transfers/common.py" line="21"/>
        <source>Away from home</source>
        <translation>外出</translation>
    </message>
    <message>
        <location filename="../../models/transfers/common.py" line="22"/>
        <source>In a shelter</source>
        <translation>集中安置</translation>
    </message>
    <message>
        <location filename="../../models/transfers/common.py" line="23"/>
        <source>With relatives or friends</source>
        <translation>投亲靠友</translation>
    </message>
    <message>
        <location filename="../../models/transfers/common.py" line="24"/>
        <source>Refused to move</source>
        <translation>拒绝转移</translation>
    </message>
    <message>
        <location filename="../../models/transfers/common.py" line="25"/>
        <source>Forcibly moved</source>
        <translation>强制转移</translation>
    </message>
    <message>
        <location filename="../../models/transfers/common.py" line="26"/>
        <source>Returned home</source>
        <translation>已返回</translation>
    </message>
    <message>
        <location filename="../../models/transfers/common.py" line="31"/>
        <source>Work shed</source>
        <translation>工棚</translation>
    </message>
    <message>
        <location filename="../../models/transfers/common.py" line="32"/>
        <source>Construction site</source>
        <translation>在建工地</translation>
    </message>
    <message>
        <location filename="../../models/transfers/common.py" line="33"/>
        <source>Fishing raft</source>
        <translation>渔排</translation>
    </message>
    <message>
        <location filename="../../models/command/levels.py" line="93"/>
        <source>No response</source>
        <translation>未启动响应</translation>
    </message>
    <message>
        <location filename="../../models/command/units.py" line="21"/>
        <source>Member unit</source>
        <translation>成员单位</translation>
    </message>
    <message>
        <location filename="../../models/command/units.py" line="22"/>
        <source>Town headquarters</source>
        <translation>乡镇（街道）防指</translation>
    </message>
    <message>
        <location filename="../../models/command/units.py" line="23"/>
        <source>Higher authority</source>
        <translation>上级机关</translation>
    </message>
    <message>
        <location filename="../../models/command/units.py" line="24"/>
        <source>Other body</source>
        <translation>其他单位</translation>
    </message>
    <message>
        <location filename="../../models/command/roster.py" line="27"/>
        <source>Whole day (08:00–08:00)</source>
        <translation>全天（08:00–次日08:00）</translation>
    </message>
    <message>
        <location filename="../../models/command/roster.py" line="28"/>
        <source>Day shift (08:00–20:00)</source>
        <translation>白班（08:00–20:00）</translation>
    </message>
    <message>
        <location filename="../../models/command/roster.py" line="29"/>
        <source>Night shift (20:00–08:00)</source>
        <translation>夜班（20:00–次日08:00）</translation>
    </message>
    <message>
        <location filename="../../models/command/numbering.py" line="34"/>
        <source>Report upward</source>
        <translation>上报报告</translation>
    </message>
    <message>
        <location filename="../../models/command/numbering.py" line="35"/>
        <source>Dispatch order</source>
        <translation>调度令</translation>
    </message>
    <message>
        <location filename="../../models/command/reports_tables.py" line="17"/>
        <source>Initial report</source>
        <translation>首报</translation>
    </message>
    <message>
        <location filename="../../models/command/reports_tables.py" line="18"/>
        <source>Follow-up report</source>
        <translation>续报</translation>
    </message>
    <message>
        <location filename="../../models/command/reports_tables.py" line="19"/>
        <source>Daily report</source>
        <translation>日报</translation>
    </message>
    <message>
        <location filename="../../models/command/reports_tables.py" line="20"/>
        <source>Final report</source>
        <translation>终报</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="48"/>
        <source>Call received</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="49"/>
        <source>Call made</source>
        <translation>去电</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="50"/>
        <source>Report received</source>
        <translation>收到报告</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="51"/>
        <source>Warning received</source>
        <translation>收到预警</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="52"/>
        <source>Instruction relayed</source>
        <translation>传达指示</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="53"/>
        <source>Action taken</source>
        <translation>处置措施</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="54"/>
        <source>Follow-up</source>
        <translation>跟踪事项</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="60"/>
        <source>Level change</source>
        <translation>响应调整</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="61"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="62"/>
        <source>Plan activation</source>
        <translation>预案启动</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="63"/>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="67"/>
        <source>Follow-up closed</source>
        <translation>跟踪办结</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog.py" line="68"/>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="10"/>
        <source>County comprehensive brigade</source>
        <translation>县综合性救援大队</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="11"/>
        <source>Town comprehensive team</source>
        <translation>乡镇综合救援队</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="12"/>
        <source>Professional fire team</source>
        <translation>专业消防队</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="13"/>
        <source>Forest fire team</source>
        <translation>森林消防队</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="14"/>
        <source>Village rescue squad</source>
        <translation>村级救援小分队</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="15"/>
        <source>Village assault team</source>
        <translation>村级防汛抢险突击队</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="16"/>
        <source>Professional rescue team</source>
        <translation>专业应急救援队</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="17"/>
        <source>Social rescue team</source>
        <translation>社会应急力量</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="18"/>
        <source>Enterprise team</source>
        <translation>企业救援队</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="19"/>
        <source>Volunteer team</source>
        <translation>志愿者队伍</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="23"/>
        <source>Water rescue</source>
        <translation>水域救援</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="24"/>
        <source>Sea rescue</source>
        <translation>海上救援</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="25"/>
        <source>Diving</source>
        <translation>潜水</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="26"/>
        <source>Mountain rescue</source>
        <translation>山地救援</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="27"/>
        <source>Building collapse and urban search</source>
        <translation>建筑物倒塌搜救</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="29"/>
        <source>Hazardous chemicals</source>
        <translation>危险化学品</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="30"/>
        <source>Emergency medical</source>
        <translation>应急医疗</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="31"/>
        <source>Logistics</source>
        <translation>后勤保障</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="32"/>
        <source>Comprehensive rescue</source>
        <translation>综合救援</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="36"/>
        <source>Standby</source>
        <translation>待命</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="37"/>
        <source>Pre-positioned</source>
        <translation>预置</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="38"/>
        <source>Assembling</source>
        <translation>集结</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="39"/>
        <source>Dispatched</source>
        <translation>出动</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="40"/>
        <source>On scene</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="41"/>
        <source>Returning</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="42"/>
        <source>Resting</source>
        <translation>休整</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="48"/>
        <source>Working</source>
        <translation>完好</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="49"/>
        <source>Out of service</source>
        <translation>故障停用</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="50"/>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="54"/>
        <source>Team leader</source>
        <translation>队长</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="55"/>
        <source>Deputy leader</source>
        <translation>副队长</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="56"/>
        <source>Safety officer</source>
        <translation>安全官</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="57"/>
        <source>Team member</source>
        <translation>队员</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="61"/>
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="62"/>
        <source>Off duty</source>
        <translation>不在岗</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="63"/>
        <source>Left the team</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="67"/>
        <source>Accidents and disasters</source>
        <translation>事故灾难</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="68"/>
        <source>Natural disasters</source>
        <translation>自然灾害</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="69"/>
        <source>Public health</source>
        <translation>公共卫生</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="70"/>
        <source>Social security</source>
        <translation>社会安全</translation>
    </message>
    <message>
        <location filename="../../models/teams/codes.py" line="71"/>
        <source>Integrated management</source>
        <translation>综合管理</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog_refs.py" line="21"/>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <location filename="../../models/command/dutylog_refs.py" line="22"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
</context>
<context>
    <name>LevelBanner</name>
    <message>
        <location filename="../../ui/common/level_banner.py" line="32"/>
        <source>Emergency response in force: %1 · %2</source>
        <translation>应急响应：%1 · %2</translation>
    </message>
</context>
<context>
    <name>LevelForm</name>
    <message>
        <location filename="../../ui/command/dialogs.py" line="88"/>
        <source>Response level change</source>
        <translation>响应级别变更</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="94"/>
        <source>Lifted (no response in force)</source>
        <translation>已解除（无应急响应）</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="103"/>
        <source>New level</source>
        <translation>新级别</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="106"/>
        <source>Takes effect</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="112"/>
        <source>The leader on shift who signed</source>
        <translation>签发的带班领导</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="113"/>
        <source>Signed by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="114"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="114"/>
        <source>Why the level changes</source>
        <translation>变更理由</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="115"/>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="115"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="118"/>
        <source>Now: %1. Leaders on today&apos;s roster are offered as signers.</source>
        <translation>当前：%1。今天值班表上的带班领导可选作签发人。</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="123"/>
        <source>Now: %1. Today&apos;s roster names no leader: type the signer&apos;s name.</source>
        <translation>当前：%1。今天的值班表上没有带班领导：请输入签发人姓名。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="28"/>
        <source>Log in - Emergency Command Console</source>
        <translation>登录 - 应急指挥调度台</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="31"/>
        <source>Emergency Command Console</source>
        <translation>应急指挥调度台</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="38"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="39"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="54"/>
        <source>This is a demo database. Demo accounts (user / password):</source>
        <translation>这是演示数据库。演示账号（用户名 / 密码）：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="62"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/common/pages.py" line="98"/>
        <source>Dashboard</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../ui/common/pages.py" line="99"/>
        <source>Risk map</source>
        <translation>风险地图</translation>
    </message>
    <message>
        <location filename="../../ui/common/pages.py" line="100"/>
        <source>Transfers</source>
        <translation>人员转移</translation>
    </message>
    <message>
        <location filename="../../ui/common/pages.py" line="101"/>
        <source>Rescue teams</source>
        <translation>救援队伍</translation>
    </message>
    <message>
        <location filename="../../ui/common/pages.py" line="102"/>
        <source>Supplies</source>
        <translation>应急物资</translation>
    </message>
    <message>
        <location filename="../../ui/common/pages.py" line="103"/>
        <source>Contingency plans</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <location filename="../../ui/common/pages.py" line="104"/>
        <source>Dispatch</source>
        <translation>指挥调度</translation>
    </message>
    <message>
        <location filename="../../ui/common/pages.py" line="105"/>
        <source>Duty log</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <location filename="../../ui/common/pages.py" line="106"/>
        <source>Geography register</source>
        <translation>基础信息登记</translation>
    </message>
    <message>
        <location filename="../../ui/common/pages.py" line="107"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>Emergency Command Console</source>
        <translation>应急指挥调度台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>This page could not be opened. Details are in the log file.</source>
        <translation>此页面无法打开，详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="254"/>
        <source>Opening the page …</source>
        <translation>正在打开页面……</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="396"/>
        <location filename="../../ui/main_window.py" line="428"/>
        <source>No active event</source>
        <translation>无进行中的事件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="403"/>
        <source>User: %1 (%2)</source>
        <translation>用户：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="434"/>
        <source>Event: %1</source>
        <translation>事件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="445"/>
        <source>Beijing time</source>
        <translation>北京时间</translation>
    </message>
</context>
<context>
    <name>MapFields</name>
    <message>
        <location filename="../../maps/layers/base.py" line="124"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="125"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="126"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="127"/>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="128"/>
        <source>Drawn as</source>
        <translation>图形类型</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="129"/>
        <source>Town / street</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="130"/>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="131"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="132"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="133"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="134"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="135"/>
        <source>Capacity (persons)</source>
        <translation>容纳人数</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="136"/>
        <source>In the shelter now (event)</source>
        <translation>当前在场人数（事件中）</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="137"/>
        <source>Occupancy</source>
        <translation>占用率</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="138"/>
        <source>Still expected</source>
        <translation>待到达</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="139"/>
        <source>Safety certified</source>
        <translation>安全鉴定</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="140"/>
        <source>Manager</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="141"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="142"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="143"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="144"/>
        <source>Villages and communities</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="145"/>
        <source>Responsibility grids</source>
        <translation>责任网格</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="146"/>
        <source>Danger zones and hazard points</source>
        <translation>危险区（点）</translation>
    </message>
    <message>
        <location filename="../../maps/layers/base.py" line="147"/>
        <source>Shelters</source>
        <translation>避灾安置场所</translation>
    </message>
    <message>
        <location filename="../../maps/layers/teams.py" line="59"/>
        <source>Class</source>
        <translation>队伍类别</translation>
    </message>
    <message>
        <location filename="../../maps/layers/teams.py" line="60"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../maps/layers/teams.py" line="61"/>
        <source>Specialties</source>
        <translation>专业方向</translation>
    </message>
    <message>
        <location filename="../../maps/layers/teams.py" line="62"/>
        <source>Members on duty</source>
        <translation>在岗队员</translation>
    </message>
    <message>
        <location filename="../../maps/layers/teams.py" line="63"/>
        <source>Leader</source>
        <translation>队长</translation>
    </message>
    <message>
        <location filename="../../maps/layers/supplies.py" line="34"/>
        <source>Key stock available</source>
        <translation>主要可用库存</translation>
    </message>
    <message>
        <location filename="../../maps/layers/supplies.py" line="35"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>MapLayers</name>
    <message>
        <location filename="../../maps/layers/base.py" line="72"/>
        <location filename="../../maps/layers/registry.py" line="44"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../maps/layers/register.py" line="38"/>
        <source>Administrative divisions</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../maps/layers/register.py" line="39"/>
        <location filename="../../maps/layers/register.py" line="47"/>
        <source>Responsibility grids</source>
        <translation>责任网格</translation>
    </message>
    <message>
        <location filename="../../maps/layers/register.py" line="40"/>
        <source>Danger zones and hazard points</source>
        <translation>危险区（点）</translation>
    </message>
    <message>
        <location filename="../../maps/layers/register.py" line="41"/>
        <source>Shelters</source>
        <translation>避灾安置场所</translation>
    </message>
    <message>
        <location filename="../../maps/layers/register.py" line="44"/>
        <source>County boundary</source>
        <translation>县界</translation>
    </message>
    <message>
        <location filename="../../maps/layers/register.py" line="45"/>
        <source>Town and street boundaries</source>
        <translation>乡镇（街道）界</translation>
    </message>
    <message>
        <location filename="../../maps/layers/register.py" line="46"/>
        <source>Village and community boundaries</source>
        <translation>村（社区）界</translation>
    </message>
    <message>
        <location filename="../../maps/layers/register.py" line="48"/>
        <source>Shelters (size by capacity)</source>
        <translation>避灾安置场所（符号大小表示容纳人数）</translation>
    </message>
    <message>
        <location filename="../../maps/layers/register.py" line="209"/>
        <location filename="../../maps/layers/register.py" line="291"/>
        <source>Hazard point</source>
        <translation>隐患点</translation>
    </message>
    <message>
        <location filename="../../maps/layers/register.py" line="210"/>
        <location filename="../../maps/layers/register.py" line="287"/>
        <source>Danger zone (area)</source>
        <translation>危险区（面）</translation>
    </message>
    <message>
        <location filename="../../maps/layers/register.py" line="305"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../maps/layers/register.py" line="306"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../maps/layers/register.py" line="361"/>
        <source>%1 persons</source>
        <translation>%1 人</translation>
    </message>
    <message>
        <location filename="../../maps/layers/register.py" line="378"/>
        <source>Above 90% full (event)</source>
        <translation>占用超过 90%（事件中）</translation>
    </message>
    <message>
        <location filename="../../maps/layers/register.py" line="386"/>
        <source>Full (event)</source>
        <translation>已满（事件中）</translation>
    </message>
    <message>
        <location filename="../../maps/layers/typhoon.py" line="14"/>
        <source>Typhoon</source>
        <translation>台风</translation>
    </message>
    <message>
        <location filename="../../maps/layers/typhoon.py" line="66"/>
        <source>Past track</source>
        <translation>实况路径</translation>
    </message>
    <message>
        <location filename="../../maps/layers/typhoon.py" line="70"/>
        <source>Forecast track</source>
        <translation>预报路径</translation>
    </message>
    <message>
        <location filename="../../maps/layers/typhoon.py" line="74"/>
        <source>Force-7 wind circle</source>
        <translation>七级风圈</translation>
    </message>
    <message>
        <location filename="../../maps/layers/typhoon.py" line="78"/>
        <source>Force-10 wind circle</source>
        <translation>十级风圈</translation>
    </message>
    <message>
        <location filename="../../maps/layers/typhoon.py" line="82"/>
        <source>Force-12 wind circle</source>
        <translation>十二级风圈</translation>
    </message>
    <message>
        <location filename="../../maps/layers/typhoon.py" line="90"/>
        <source>Track point, wind radii interpolated</source>
        <translation>路径点（风圈半径为插值）</translation>
    </message>
    <message>
        <location filename="../../maps/layers/typhoon.py" line="99"/>
        <source>Track point, no wind radii known</source>
        <translation>路径点（无已知风圈半径）</translation>
    </message>
    <message>
        <location filename="../../maps/layers/typhoon.py" line="121"/>
        <source>Typhoon %1 %2</source>
        <translation>台风 %1 %2</translation>
    </message>
    <message>
        <location filename="../../maps/layers/teams.py" line="32"/>
        <source>Rescue forces</source>
        <translation>救援力量</translation>
    </message>
    <message>
        <location filename="../../maps/layers/teams.py" line="57"/>
        <source>Rescue teams (by status)</source>
        <translation>救援队伍（按状态）</translation>
    </message>
    <message>
        <location filename="../../maps/layers/teams.py" line="137"/>
        <source>Rescue teams</source>
        <translation>救援队伍</translation>
    </message>
    <message>
        <location filename="../../maps/layers/supplies.py" line="22"/>
        <source>Supplies</source>
        <translation>应急物资</translation>
    </message>
    <message>
        <location filename="../../maps/layers/supplies.py" line="23"/>
        <source>Supply warehouses (key stock)</source>
        <translation>物资仓库（主要库存）</translation>
    </message>
    <message>
        <location filename="../../maps/layers/supplies.py" line="24"/>
        <source>Supply warehouses</source>
        <translation>物资仓库</translation>
    </message>
    <message>
        <location filename="../../maps/layers/supplies.py" line="63"/>
        <location filename="../../maps/layers/supplies.py" line="96"/>
        <source>Closed: takes no goods</source>
        <translation>已关闭：不接收物资</translation>
    </message>
    <message>
        <location filename="../../maps/layers/supplies.py" line="64"/>
        <location filename="../../maps/layers/supplies.py" line="92"/>
        <source>Forward point</source>
        <translation>前置点</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <location filename="../../maps/basemap.py" line="72"/>
        <source>Basemap: the tile source type &quot;%1&quot; is unknown; the map is drawn without a basemap. Check the tile source in Settings.</source>
        <translation>底图：瓦片来源类型“%1”无法识别，地图暂不显示底图。请在“设置”中检查底图来源。</translation>
    </message>
    <message>
        <location filename="../../maps/basemap.py" line="87"/>
        <source>Basemap: no MBTiles file is chosen; the map is drawn without a basemap. Choose the file in Settings.</source>
        <translation>底图：未选择 MBTiles 文件，地图暂不显示底图。请在“设置”中选择该文件。</translation>
    </message>
    <message>
        <location filename="../../maps/basemap.py" line="97"/>
        <source>Basemap: the MBTiles file %1 was not found; the map is drawn without a basemap.</source>
        <translation>底图：未找到 MBTiles 文件 %1，地图暂不显示底图。</translation>
    </message>
    <message>
        <location filename="../../maps/basemap.py" line="110"/>
        <source>Basemap: %1 is not a readable MBTiles file; the map is drawn without a basemap.</source>
        <translation>底图：%1 不是可读取的 MBTiles 文件，地图暂不显示底图。</translation>
    </message>
    <message>
        <location filename="../../maps/basemap.py" line="120"/>
        <source>Basemap: %1 holds %2 tiles, which this map cannot draw (it needs PNG, JPEG or WebP images); the map is drawn without a basemap.</source>
        <translation>底图：%1 中是 %2 格式的瓦片，本地图无法绘制（需要 PNG、JPEG 或 WebP 图片），地图暂不显示底图。</translation>
    </message>
    <message>
        <location filename="../../maps/basemap.py" line="132"/>
        <source>Basemap: the MBTiles file %1 holds no tiles; the map is drawn without a basemap.</source>
        <translation>底图：MBTiles 文件 %1 中没有瓦片，地图暂不显示底图。</translation>
    </message>
    <message>
        <location filename="../../maps/basemap.py" line="160"/>
        <source>Basemap: no tile URL template is set; the map is drawn without a basemap. Enter it in Settings.</source>
        <translation>底图：未设置瓦片地址模板，地图暂不显示底图。请在“设置”中填写。</translation>
    </message>
    <message>
        <location filename="../../maps/basemap.py" line="169"/>
        <source>Basemap: the tile URL template must contain {z}, {x} and {y}; the map is drawn without a basemap.</source>
        <translation>底图：瓦片地址模板必须包含 {z}、{x} 和 {y}，地图暂不显示底图。</translation>
    </message>
    <message>
        <location filename="../../maps/basemap.py" line="177"/>
        <source>Basemap: the tile URL template must start with http:// or https://; the map is drawn without a basemap.</source>
        <translation>底图：瓦片地址模板必须以 http:// 或 https:// 开头，地图暂不显示底图。</translation>
    </message>
    <message>
        <location filename="../../maps/basemap.py" line="185"/>
        <source>Basemap: the tile URL template needs a key, and none is set; the map is drawn without a basemap. Enter the key in Settings.</source>
        <translation>底图：瓦片地址模板需要密钥，但尚未设置，地图暂不显示底图。请在“设置”中填写密钥。</translation>
    </message>
    <message>
        <location filename="../../maps/pages.py" line="90"/>
        <location filename="../../ui/map/page.py" line="161"/>
        <source>Risk map</source>
        <translation>风险地图</translation>
    </message>
    <message>
        <location filename="../../maps/pages.py" line="91"/>
        <source>Layers and legend</source>
        <translation>图层和图例</translation>
    </message>
    <message>
        <location filename="../../maps/pages.py" line="92"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../maps/pages.py" line="93"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../../maps/pages.py" line="95"/>
        <source>Filled areas are danger zones; symbols are hazard points, one shape per type.</source>
        <translation>填色区域为危险区，符号为隐患点，每种类别一种形状。</translation>
    </message>
    <message>
        <location filename="../../maps/pages.py" line="100"/>
        <source>Basemap: %1 tiles could not be loaded; the map is drawn without them. Check the tile source in Settings.</source>
        <translation>底图：%1 个瓦片加载失败，地图中未显示这些瓦片。请在“设置”中检查底图来源。</translation>
    </message>
    <message>
        <location filename="../../maps/pages.py" line="105"/>
        <source>zoom in to see</source>
        <translation>放大后显示</translation>
    </message>
    <message>
        <location filename="../../maps/pages.py" line="106"/>
        <source>Nothing to draw yet: no boundaries, grids, danger zones or shelters have a location. Build the demo county or import boundaries.</source>
        <translation>暂无可绘制的内容：行政区划边界、网格、危险区和避灾安置场所均无位置信息。请生成演示县或导入行政区划边界。</translation>
    </message>
    <message>
        <location filename="../../maps/prepare.py" line="116"/>
        <source>Basemap: this window cannot read MBTiles files (the tiles scheme was not registered at start-up); the map is drawn without a basemap.</source>
        <translation>底图：此窗口无法读取 MBTiles 文件（启动时未注册 tiles 协议），地图暂不显示底图。</translation>
    </message>
    <message>
        <location filename="../../ui/map/page.py" line="308"/>
        <source>Find a village, grid, danger zone or shelter (pinyin initials work)</source>
        <translation>查找村、网格、危险区或避灾安置场所（可用拼音首字母）</translation>
    </message>
    <message>
        <location filename="../../ui/map/page.py" line="194"/>
        <source>Click a feature on the map, or search for one, to see its details here.</source>
        <translation>点击地图上的对象或进行搜索，即可在此查看详细信息。</translation>
    </message>
    <message>
        <location filename="../../ui/map/page.py" line="165"/>
        <source>Preparing the search ...</source>
        <translation>正在准备搜索……</translation>
    </message>
    <message>
        <location filename="../../ui/map/page.py" line="192"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/map/page.py" line="218"/>
        <source>Show on the map</source>
        <translation>在地图上显示</translation>
    </message>
    <message>
        <location filename="../../ui/map/page.py" line="219"/>
        <source>Open in the register</source>
        <translation>在基础信息登记中打开</translation>
    </message>
    <message>
        <location filename="../../ui/map/page.py" line="220"/>
        <source>Open this village&apos;s transfer list</source>
        <translation>打开本村转移清单</translation>
    </message>
    <message>
        <location filename="../../ui/map/page.py" line="230"/>
        <source>Typhoon</source>
        <translation>台风</translation>
    </message>
    <message>
        <location filename="../../ui/map/page.py" line="241"/>
        <source>Drawing the map ...</source>
        <translation>正在绘制地图……</translation>
    </message>
    <message>
        <location filename="../../ui/map/page.py" line="283"/>
        <location filename="../../ui/map/page.py" line="305"/>
        <source>The map could not be built: %1</source>
        <translation>无法生成地图：%1</translation>
    </message>
    <message>
        <location filename="../../ui/map/page.py" line="333"/>
        <source>%1 features on the map.</source>
        <translation>地图上共有 %1 个对象。</translation>
    </message>
    <message>
        <location filename="../../ui/map/page.py" line="335"/>
        <source>%1 without a location are not drawn.</source>
        <translation>%1 个无位置信息的对象未绘制。</translation>
    </message>
    <message>
        <location filename="../../ui/map/page.py" line="349"/>
        <source>The map page could not be shown. Details are in the log file.</source>
        <translation>无法显示地图页面，详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../ui/map/page.py" line="430"/>
        <source>&amp;Stock</source>
        <translation>物资(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/map/page.py" line="492"/>
        <source>The team could not be read.</source>
        <translation>无法读取该队伍。</translation>
    </message>
    <message>
        <location filename="../../ui/map/page.py" line="507"/>
        <source>Reach in %1 minutes: about %2 km in a straight line (%3 km/h, road factor %4), drawn as a circle.</source>
        <translation>%1 分钟可达范围：直线约 %2 公里（时速 %3 公里，道路系数 %4），以圆圈画出。</translation>
    </message>
    <message>
        <location filename="../../ui/map/page.py" line="627"/>
        <source>Nothing found.</source>
        <translation>未找到匹配项。</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="91"/>
        <source>Basemap: MBTiles file %1, in the console only</source>
        <translation>底图：MBTiles 文件 %1（仅在调度台中显示）</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="96"/>
        <source>Basemap: intranet tile server %1, in the console only</source>
        <translation>底图：内网瓦片服务器 %1（仅在调度台中显示）</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="102"/>
        <source>Basemap: MBTiles file %1</source>
        <translation>底图：MBTiles 文件 %1</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="105"/>
        <source>Basemap: intranet tile server %1</source>
        <translation>底图：内网瓦片服务器 %1</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="108"/>
        <source>Basemap: none</source>
        <translation>底图：无</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="115"/>
        <source>Lon/lat</source>
        <translation>经纬度</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="116"/>
        <source>GCJ-02</source>
        <translation>GCJ-02（火星坐标）</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="117"/>
        <source>Click to show or hide the GCJ-02 coordinates a phone map uses</source>
        <translation>点击显示或隐藏手机地图使用的 GCJ-02 坐标</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="120"/>
        <source>Figures as of %1</source>
        <translation>数据时间 %1</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="121"/>
        <source>Overview</source>
        <translation>鹰眼图</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="122"/>
        <source>Measure a distance</source>
        <translation>测量距离</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="123"/>
        <source>Measure an area</source>
        <translation>测量面积</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="124"/>
        <source>Draw an area and list what is inside</source>
        <translation>画出区域并列出区域内对象</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="127"/>
        <source>Draw a circle around a point and list what is inside</source>
        <translation>以一点为圆心画圆并列出圆内对象</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="130"/>
        <source>Nearest shelters with room from a point</source>
        <translation>离某点最近的有空位避灾安置场所</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="133"/>
        <source>Clear the drawing</source>
        <translation>清除绘制</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="134"/>
        <source>Click points along the way; double-click or Enter to finish</source>
        <translation>沿途点击各点；双击或按回车结束</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="137"/>
        <location filename="../../maps/overlays.py" line="140"/>
        <source>Click the corners; double-click or Enter to finish</source>
        <translation>依次点击各角点；双击或按回车结束</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="143"/>
        <source>Click the centre, then a point on the circle</source>
        <translation>先点击圆心，再点击圆上一点</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="146"/>
        <source>Click a point on the map</source>
        <translation>在地图上点击一点</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="147"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="148"/>
        <source>Area</source>
        <comment>measured surface</comment>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../../ui/map/page.py" line="237"/>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="149"/>
        <source>perimeter</source>
        <translation>周长</translation>
    </message>
    <message>
        <location filename="../../maps/overlays.py" line="150"/>
        <source>Radius</source>
        <translation>半径</translation>
    </message>
    <message>
        <location filename="../../ui/map/preparer.py" line="59"/>
        <source>the process preparing the map</source>
        <translation>准备地图的进程</translation>
    </message>
</context>
<context>
    <name>MemberForm</name>
    <message>
        <location filename="../../ui/teams/forms.py" line="273"/>
        <source>Edit member of %1</source>
        <translation>编辑 %1 的队员</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="275"/>
        <source>New member of %1</source>
        <translation>新增 %1 的队员</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="277"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="280"/>
        <source>Identity number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="282"/>
        <source>18 characters, or 15 on an old card</source>
        <translation>18 位，老身份证为 15 位</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="289"/>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="292"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="294"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="295"/>
        <source>Joined</source>
        <translation>入队时间</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="295"/>
        <source>Such as 2024-03-01</source>
        <translation>如 2024-03-01</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="296"/>
        <source>Skills</source>
        <translation>技能特长</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="297"/>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="298"/>
        <source>Emergency contact&apos;s mobile</source>
        <translation>紧急联系人电话</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="305"/>
        <source>The sex and birth date are read from the identity number.</source>
        <translation>性别和出生日期从身份证号码读取。</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="307"/>
        <source>The identity number is shown masked to your role and is kept.</source>
        <translation>您的角色只能看到脱敏的身份证号码，保存时保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="315"/>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="315"/>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="316"/>
        <source>%1, born %2</source>
        <translation>%1，出生于 %2</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="318"/>
        <source>(15 digits, stored as %1)</source>
        <translation>（15 位号码，保存为 %1）</translation>
    </message>
</context>
<context>
    <name>MovementsPanel</name>
    <message>
        <location filename="../../ui/supplies/movements.py" line="112"/>
        <source>Alt+1 … Alt+%1: kind · Tab: next field · Enter: add the line · Ctrl+Enter: save</source>
        <translation>Alt+1 … Alt+%1：选择类别 · Tab：下一项 · 回车：添加一行 · Ctrl+回车：保存</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movements.py" line="116"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存（Ctrl+回车）</translation>
    </message>
</context>
<context>
    <name>NearestPanel</name>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="119"/>
        <source>Item: name, pinyin or code</source>
        <translation>物资：名称、拼音或编码</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="121"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="124"/>
        <source>Village stores too</source>
        <translation>含村级储备点</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="125"/>
        <source>A village store holds its village&apos;s standard kit.</source>
        <translation>村级储备点存放的是本村的标准配备物资。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="126"/>
        <source>Find (Enter)</source>
        <translation>查找（回车）</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="145"/>
        <source>Where is the nearest stock: open warehouses by straight-line distance, counting available stock only (not expired, not in transit).</source>
        <translation>最近库存查询：按直线距离列出开放的仓库，只计可用库存（未过期、不在途）。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="161"/>
        <source>Village: name or pinyin initials; or a point LON,LAT</source>
        <translation>村：名称或拼音首字母；或坐标点“经度,纬度”</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="202"/>
        <source>Choose an item of the catalogue.</source>
        <translation>请选择物资目录中的物资。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="207"/>
        <source>Choose a village from the list, or type a point as LON,LAT.</source>
        <translation>请从列表中选择村，或输入坐标点“经度,纬度”。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="242"/>
        <source>%1 %2 of %3 from %4: enough from %5 warehouse(s).</source>
        <translation>%4 需%3 %1 %2：由 %5 个仓库即可满足。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="251"/>
        <source>%1 %2 of %3 from %4: the county&apos;s open warehouses are %5 %2 short.</source>
        <translation>%4 需%3 %1 %2：全县开放仓库尚缺 %5 %2。</translation>
    </message>
</context>
<context>
    <name>Numbering</name>
    <message>
        <location filename="../../models/command/numbering.py" line="133"/>
        <source>Give the issuer&apos;s full name.</source>
        <translation>请填写发文机关全称。</translation>
    </message>
    <message>
        <location filename="../../models/command/numbering.py" line="139"/>
        <source>Give the abbreviation document numbers start with.</source>
        <translation>请填写发文字号使用的机关代字。</translation>
    </message>
    <message>
        <location filename="../../models/command/numbering.py" line="188"/>
        <source>No document number could be taken: too many at once. Try again.</source>
        <translation>同时编号的请求过多，未能取得文号，请重试。</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../ui/common/operations.py" line="36"/>
        <source>The change could not be saved; the details are in the log file.</source>
        <translation>更改未能保存；详情见日志文件。</translation>
    </message>
    <message>
        <location filename="../../ui/common/operations.py" line="39"/>
        <source>The data could not be read; the details are in the log file.</source>
        <translation>数据未能读取；详情见日志文件。</translation>
    </message>
</context>
<context>
    <name>Operators</name>
    <message>
        <location filename="../../models/operators.py" line="30"/>
        <source>%1 (this computer&apos;s account)</source>
        <translation>%1（本机账户）</translation>
    </message>
</context>
<context>
    <name>Overflow</name>
    <message>
        <location filename="../../models/transfers/overflow.py" line="183"/>
        <source>%1 (%2 free)</source>
        <translation>%1（空余 %2 个床位）</translation>
    </message>
    <message>
        <location filename="../../models/transfers/overflow.py" line="186"/>
        <source>%1 (%2 km, %3 free)</source>
        <translation>%1（%2 公里，空余 %3 个床位）</translation>
    </message>
    <message>
        <location filename="../../models/transfers/overflow.py" line="196"/>
        <source>%1 people more than it can take: %2 in it, %3 more assigned, capacity %4.</source>
        <translation>超出容纳能力 %1 人：现有 %2 人，另有 %3 名待转移人员安排至此，容纳 %4 人。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/overflow.py" line="206"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../models/transfers/overflow.py" line="208"/>
        <source>No shelter has room left.</source>
        <translation>已无安置场所有空余床位。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/overflow.py" line="210"/>
        <source>Nearest with room: %1.</source>
        <translation>就近有空余的安置场所：%1。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/overflow.py" line="211"/>
        <location filename="../../ui/transfers/figures.py" line="273"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../models/transfers/overflow.py" line="217"/>
        <source>%1 places are still missing in the county.</source>
        <translation>全县仍缺 %1 个床位。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/settings/users.py" line="441"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="445"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="446"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="447"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>PlanDetails</name>
    <message>
        <location filename="../../ui/plans/details.py" line="66"/>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="70"/>
        <source>Steps of its life</source>
        <translation>各环节</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="74"/>
        <source>%1 beside %2</source>
        <translation>%1 与 %2 对照</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="78"/>
        <source>No change from the version before.</source>
        <translation>与上一版本相比没有变化。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="90"/>
        <source>Last evaluated %1.</source>
        <translation>最近一次评估：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="94"/>
        <source>No evaluation recorded.</source>
        <translation>尚无评估记录。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="98"/>
        <source>record an evaluation</source>
        <translation>登记评估</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="110"/>
        <source>%1; owned by %2; document %3 issued %4; filed %5.</source>
        <translation>%1；编制单位：%2；文号：%3，印发日期：%4；备案日期：%5。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="131"/>
        <source>compare with the version before</source>
        <translation>与上一版对照</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="132"/>
        <source>stages and actions</source>
        <translation>响应级别与任务</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="159"/>
        <source>within %1 min</source>
        <translation>时限%1分钟</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="173"/>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="174"/>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="175"/>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="192"/>
        <source>stage added</source>
        <translation>新增该级响应</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="199"/>
        <source>stage removed</source>
        <translation>删除该级响应</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="204"/>
        <source>%1 trigger</source>
        <translation>%1启动条件</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="224"/>
        <source>Stage</source>
        <translation>响应级别</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="238"/>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="240"/>
        <source>No drill recorded.</source>
        <translation>尚无演练记录。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="243"/>
        <source>close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="244"/>
        <source>open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="255"/>
        <source>%1 (%2, due %3)</source>
        <translation>%1（%2，%3前完成）</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="262"/>
        <source>closed %1</source>
        <translation>%1已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/plans/details.py" line="303"/>
        <source>Choose a plan in the tree to see its life and versions.</source>
        <translation>在左侧树中选择预案，查看其各环节和版本。</translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message>
        <location filename="../../ui/plans/forms.py" line="134"/>
        <source>Contingency plan</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="135"/>
        <source>Code</source>
        <translation>预案编号</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="135"/>
        <source>Such as ZX-01</source>
        <translation>如 ZX-01</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="136"/>
        <source>Title</source>
        <translation>预案名称</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="138"/>
        <source>Class</source>
        <translation>预案类别</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="140"/>
        <source>Event category</source>
        <translation>事件类别</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="142"/>
        <source>Event type</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="144"/>
        <source>Owning unit</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="146"/>
        <source>Approving unit</source>
        <translation>审批单位</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="147"/>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="148"/>
        <source>Date of issue</source>
        <translation>印发日期</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="150"/>
        <source>(none: a plan at the top)</source>
        <translation>（无：顶层预案）</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="155"/>
        <source>Parent plan</source>
        <translation>上级预案</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="156"/>
        <source>Revision due</source>
        <translation>修订期限</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="159"/>
        <source>Default (3 years)</source>
        <translation>默认（3年）</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="160"/>
        <source>Years between evaluations</source>
        <translation>评估周期（年）</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="166"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="167"/>
        <source>Since</source>
        <translation>状态日期</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="170"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PlanForms</name>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="58"/>
        <source>%1 h</source>
        <translation>%1小时</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="59"/>
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="92"/>
        <source>Not a date: %1 (write it as 2024-05-10).</source>
        <translation>不是日期：%1（应写作 2024-05-10）。</translation>
    </message>
</context>
<context>
    <name>Plans</name>
    <message>
        <location filename="../../models/plans/activations.py" line="86"/>
        <location filename="../../models/plans/activations.py" line="200"/>
        <location filename="../../models/plans/versions.py" line="238"/>
        <source>Unknown response stage: %1</source>
        <translation>未知的响应级别：%1</translation>
    </message>
    <message>
        <location filename="../../models/plans/activations.py" line="90"/>
        <source>The sea-typhoon stage is for typhoon events only.</source>
        <translation>海上防台风应急响应仅适用于台风事件。</translation>
    </message>
    <message>
        <location filename="../../models/plans/activations.py" line="95"/>
        <source>The plan %1 is no longer in force.</source>
        <translation>预案 %1 已不再有效。</translation>
    </message>
    <message>
        <location filename="../../models/plans/activations.py" line="102"/>
        <source>The plan %1 has no version to activate.</source>
        <translation>预案 %1 没有可启动的版本。</translation>
    </message>
    <message>
        <location filename="../../models/plans/activations.py" line="116"/>
        <source>The plan %1 is active for this event already.</source>
        <translation>本次事件已启动预案 %1。</translation>
    </message>
    <message>
        <location filename="../../models/plans/activations.py" line="126"/>
        <source>A plan is activated between the event&apos;s start and now.</source>
        <translation>预案启动时间应在事件开始之后、当前时间之前。</translation>
    </message>
    <message>
        <location filename="../../models/plans/activations.py" line="203"/>
        <source>The plan is at this stage already.</source>
        <translation>预案已处于该响应级别。</translation>
    </message>
    <message>
        <location filename="../../models/plans/activations.py" line="227"/>
        <source>This action is not on a checklist.</source>
        <translation>该任务不在任务清单中。</translation>
    </message>
    <message>
        <location filename="../../models/plans/activations.py" line="230"/>
        <source>This action is marked done already.</source>
        <translation>该任务已标记完成。</translation>
    </message>
    <message>
        <location filename="../../models/plans/activations.py" line="238"/>
        <source>An action is done between the plan&apos;s activation and now.</source>
        <translation>任务完成时间应在预案启动之后、当前时间之前。</translation>
    </message>
    <message>
        <location filename="../../models/plans/activations.py" line="256"/>
        <source>A plan is activated for an event in progress.</source>
        <translation>预案须针对进行中的事件启动。</translation>
    </message>
    <message>
        <location filename="../../models/plans/activations.py" line="264"/>
        <location filename="../../models/plans/activations.py" line="351"/>
        <source>This activation no longer exists.</source>
        <translation>该预案启动记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/plans/activations.py" line="266"/>
        <source>The plan&apos;s response has ended.</source>
        <translation>该预案的响应已结束。</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="8"/>
        <source>Overall plan</source>
        <translation>总体应急预案</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="9"/>
        <source>Special plan</source>
        <translation>专项应急预案</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="10"/>
        <source>Departmental plan</source>
        <translation>部门应急预案</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="11"/>
        <source>Joint plan</source>
        <translation>联合应急预案</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="12"/>
        <source>Town or street plan</source>
        <translation>乡镇（街道）应急预案</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="13"/>
        <source>Village or community plan</source>
        <translation>村（社区）应急预案</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="14"/>
        <source>Enterprise plan</source>
        <translation>企事业单位应急预案</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="20"/>
        <source>Natural disaster</source>
        <translation>自然灾害</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="21"/>
        <source>Accident</source>
        <translation>事故灾难</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="22"/>
        <source>Public health</source>
        <translation>公共卫生事件</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="23"/>
        <source>Social security</source>
        <translation>社会安全事件</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="27"/>
        <source>Typhoon</source>
        <translation>台风</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="28"/>
        <source>Flood</source>
        <translation>洪涝</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="29"/>
        <source>Geological hazard</source>
        <translation>地质灾害</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="30"/>
        <source>Forest fire</source>
        <translation>森林火灾</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="31"/>
        <source>Hazardous chemicals</source>
        <translation>危险化学品</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="32"/>
        <source>Drought</source>
        <translation>干旱</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="33"/>
        <source>Earthquake</source>
        <translation>地震</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="34"/>
        <source>Snow and freezing</source>
        <translation>低温雨雪冰冻</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="35"/>
        <source>Marine disaster</source>
        <translation>海洋灾害</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="36"/>
        <source>Production safety accident</source>
        <translation>生产安全事故</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="37"/>
        <source>Road traffic accident</source>
        <translation>道路交通事故</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="38"/>
        <source>Fire</source>
        <translation>火灾</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="39"/>
        <source>Power outage</source>
        <translation>大面积停电</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="40"/>
        <source>Environmental pollution</source>
        <translation>突发环境事件</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="41"/>
        <source>Epidemic</source>
        <translation>传染病疫情</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="42"/>
        <source>Food safety</source>
        <translation>食品安全事件</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="43"/>
        <source>Mass incident</source>
        <translation>群体性事件</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="44"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="49"/>
        <source>Scheduled for revision</source>
        <translation>列入修订计划</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="50"/>
        <source>Drafting</source>
        <translation>起草中</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="51"/>
        <source>Expert review</source>
        <translation>专家评审</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="52"/>
        <source>Approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="53"/>
        <source>Published</source>
        <translation>已印发</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="54"/>
        <source>Filed</source>
        <translation>已备案</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="55"/>
        <source>Superseded</source>
        <translation>已被替代</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="56"/>
        <source>Abolished</source>
        <translation>已废止</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="63"/>
        <source>Command</source>
        <translation>指挥协调</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="64"/>
        <source>Warning and reporting</source>
        <translation>预警与信息报送</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="65"/>
        <source>Transfer and resettlement</source>
        <translation>转移安置</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="66"/>
        <source>Rescue</source>
        <translation>抢险救援</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="67"/>
        <source>Medical</source>
        <translation>医疗救治</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="68"/>
        <source>Support</source>
        <translation>保障</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="69"/>
        <source>Public information</source>
        <translation>信息发布</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="73"/>
        <source>Tabletop</source>
        <translation>桌面推演</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="74"/>
        <source>Functional</source>
        <translation>功能演练</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="75"/>
        <source>Full-scale</source>
        <translation>综合演练</translation>
    </message>
    <message>
        <location filename="../../models/plans/codes.py" line="76"/>
        <source>Unscripted</source>
        <translation>无脚本演练</translation>
    </message>
    <message>
        <location filename="../../models/plans/drills.py" line="87"/>
        <source>Unknown kind of drill: %1</source>
        <translation>未知的演练形式：%1</translation>
    </message>
    <message>
        <location filename="../../models/plans/drills.py" line="98"/>
        <source>A drill cannot be recorded before it is held.</source>
        <translation>演练举行之前不能登记。</translation>
    </message>
    <message>
        <location filename="../../models/plans/drills.py" line="111"/>
        <source>Some actions exercised are not actions of this plan.</source>
        <translation>所选演练任务中有不属于本预案的任务。</translation>
    </message>
    <message>
        <location filename="../../models/plans/drills.py" line="120"/>
        <location filename="../../models/plans/versions.py" line="254"/>
        <source>Describe the action.</source>
        <translation>请填写任务内容。</translation>
    </message>
    <message>
        <location filename="../../models/plans/drills.py" line="126"/>
        <source>Name who owns it.</source>
        <translation>请填写责任人。</translation>
    </message>
    <message>
        <location filename="../../models/plans/drills.py" line="155"/>
        <source>This follow-up action no longer exists.</source>
        <translation>该整改事项已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/plans/drills.py" line="159"/>
        <source>This follow-up action is closed already.</source>
        <translation>该整改事项已销号。</translation>
    </message>
    <message>
        <location filename="../../models/plans/drills.py" line="164"/>
        <source>A follow-up action cannot be closed before its drill.</source>
        <translation>整改事项的销号日期不能早于演练日期。</translation>
    </message>
    <message>
        <location filename="../../models/plans/imports.py" line="245"/>
        <source>The plan %1 appears more than once (rows %2).</source>
        <translation>预案 %1 重复出现（第 %2 行）。</translation>
    </message>
    <message>
        <location filename="../../models/plans/imports.py" line="271"/>
        <source>Not a date (such as 2024-06-03).</source>
        <translation>不是日期（如 2024-06-03）。</translation>
    </message>
    <message>
        <location filename="../../models/plans/imports.py" line="285"/>
        <source>Not a number of years.</source>
        <translation>不是年数。</translation>
    </message>
    <message>
        <location filename="../../models/plans/imports.py" line="295"/>
        <location filename="../../models/plans/library.py" line="236"/>
        <location filename="../../models/plans/library.py" line="284"/>
        <source>Unknown status of a plan: %1</source>
        <translation>未知的预案状态：%1</translation>
    </message>
    <message>
        <location filename="../../models/plans/imports.py" line="410"/>
        <source>No plan with the code %1: register the plan first.</source>
        <translation>没有编号为 %1 的预案，请先登记该预案。</translation>
    </message>
    <message>
        <location filename="../../models/plans/imports.py" line="416"/>
        <source>Name the plan the actions belong to (--plan CODE).</source>
        <translation>请指明这些任务所属的预案（--plan 预案编号）。</translation>
    </message>
    <message>
        <location filename="../../models/plans/imports.py" line="441"/>
        <source>Not a time limit (such as 30分钟, 2小时 or 1天).</source>
        <translation>不是时限（如 30分钟、2小时 或 1天）。</translation>
    </message>
    <message>
        <location filename="../../models/plans/imports.py" line="471"/>
        <source>The same action is listed at row %1.</source>
        <translation>相同的任务已在第 %1 行列出。</translation>
    </message>
    <message>
        <location filename="../../models/plans/imports.py" line="511"/>
        <source>First version</source>
        <translation>第一版</translation>
    </message>
    <message>
        <location filename="../../models/plans/library.py" line="98"/>
        <location filename="../../models/plans/library.py" line="191"/>
        <source>No plan with the code %1.</source>
        <translation>没有编号为 %1 的预案。</translation>
    </message>
    <message>
        <location filename="../../models/plans/library.py" line="114"/>
        <source>No member unit named %1 in the register.</source>
        <translation>成员单位名录中没有名为 %1 的单位。</translation>
    </message>
    <message>
        <location filename="../../models/plans/library.py" line="129"/>
        <source>Give the plan&apos;s code.</source>
        <translation>请填写预案编号。</translation>
    </message>
    <message>
        <location filename="../../models/plans/library.py" line="135"/>
        <source>Give the plan&apos;s title.</source>
        <translation>请填写预案名称。</translation>
    </message>
    <message>
        <location filename="../../models/plans/library.py" line="142"/>
        <source>Unknown class of plan: %1</source>
        <translation>未知的预案类别：%1</translation>
    </message>
    <message>
        <location filename="../../models/plans/library.py" line="158"/>
        <source>Unknown event category: %1</source>
        <translation>未知的事件类别：%1</translation>
    </message>
    <message>
        <location filename="../../models/plans/library.py" line="169"/>
        <source>Unknown event type: %1</source>
        <translation>未知的事件类型：%1</translation>
    </message>
    <message>
        <location filename="../../models/plans/library.py" line="179"/>
        <source>Years between evaluations: from %1 to %2.</source>
        <translation>评估间隔年数应在 %1 至 %2 之间。</translation>
    </message>
    <message>
        <location filename="../../models/plans/library.py" line="196"/>
        <source>A plan cannot be placed under itself or its own plans.</source>
        <translation>预案不能归属于其自身或其下级预案。</translation>
    </message>
    <message>
        <location filename="../../models/plans/library.py" line="208"/>
        <source>A plan with the code %1 is registered.</source>
        <translation>编号为 %1 的预案已登记。</translation>
    </message>
    <message>
        <location filename="../../models/plans/library.py" line="243"/>
        <source>This plan no longer exists.</source>
        <translation>该预案已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/plans/library.py" line="294"/>
        <source>The plan %1 is %2: its life has ended.</source>
        <translation>预案 %1 %2，已不再使用。</translation>
    </message>
    <message>
        <location filename="../../models/plans/library.py" line="304"/>
        <source>The plan %1 cannot go from %2 to %3.</source>
        <translation>预案 %1 不能从“%2”变为“%3”。</translation>
    </message>
    <message>
        <location filename="../../models/plans/library.py" line="312"/>
        <source>A plan is published with a document number: enter it first.</source>
        <translation>预案印发须有文号，请先填写文号。</translation>
    </message>
    <message>
        <location filename="../../models/plans/library.py" line="318"/>
        <source>A plan is filed after it is published.</source>
        <translation>预案须印发后才能备案。</translation>
    </message>
    <message>
        <location filename="../../models/plans/library.py" line="325"/>
        <source>A step cannot come before the plan&apos;s latest step.</source>
        <translation>该环节的日期不能早于预案最近一个环节。</translation>
    </message>
    <message>
        <location filename="../../models/plans/library.py" line="329"/>
        <source>A step cannot be recorded in the future.</source>
        <translation>不能登记未来日期的环节。</translation>
    </message>
    <message>
        <location filename="../../models/plans/library.py" line="359"/>
        <source>An evaluation cannot be recorded in the future.</source>
        <translation>不能登记未来日期的评估。</translation>
    </message>
    <message>
        <location filename="../../models/plans/versions.py" line="116"/>
        <source>Name the version (such as 2024 edition).</source>
        <translation>请填写版本名称（如“2024年版”）。</translation>
    </message>
    <message>
        <location filename="../../models/plans/versions.py" line="165"/>
        <source>This version was activated or drilled: its content stays as it was. Add a new version for the changes.</source>
        <translation>该版本已启动或演练过，其内容保持不变。如需修改，请新增版本。</translation>
    </message>
    <message>
        <location filename="../../models/plans/versions.py" line="248"/>
        <source>Unknown group of actions: %1</source>
        <translation>未知的任务分组：%1</translation>
    </message>
    <message>
        <location filename="../../models/plans/versions.py" line="262"/>
        <source>A time limit is from %1 to %2 minutes.</source>
        <translation>时限应在 %1 至 %2 分钟之间。</translation>
    </message>
    <message>
        <location filename="../../models/plans/versions.py" line="277"/>
        <source>Each response stage appears once in a version.</source>
        <translation>同一版本中每个响应级别只能出现一次。</translation>
    </message>
    <message>
        <location filename="../../models/plans/versions.py" line="326"/>
        <source>Name the file.</source>
        <translation>请填写文件名。</translation>
    </message>
    <message>
        <location filename="../../models/plans/versions.py" line="332"/>
        <source>The file %1 is empty.</source>
        <translation>文件 %1 为空。</translation>
    </message>
    <message>
        <location filename="../../models/plans/versions.py" line="353"/>
        <source>This file no longer exists.</source>
        <translation>该文件已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/plans/versions.py" line="357"/>
        <source>The file %1 does not match its checksum.</source>
        <translation>文件 %1 与其校验值不符。</translation>
    </message>
    <message>
        <location filename="../../models/plans/documents.py" line="53"/>
        <source>The file %1 is %2 MB: a plan&apos;s file may be at most %3 MB.</source>
        <translation>文件 %1 大小为 %2 MB，预案文件最大为 %3 MB。</translation>
    </message>
    <message>
        <location filename="../../models/plans/documents.py" line="88"/>
        <source>The file %1 cannot be read: %2</source>
        <translation>无法读取文件 %1：%2</translation>
    </message>
    <message>
        <location filename="../../models/plans/versions.py" line="367"/>
        <source>This version no longer exists.</source>
        <translation>该版本已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/plans/deadlines.py" line="47"/>
        <source>Dates marked estimated fall after %1, the last year of the official holidays this console knows (chinesecalendar %2): working days after it are counted Monday to Friday until a newer chinesecalendar is installed.</source>
        <translation>标为“估算”的日期在 %1 年之后，本系统所知的法定节假日只到该年（chinesecalendar %2）：此后的工作日按周一至周五计算，安装新版 chinesecalendar 后即按官方日历计算。</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <location filename="../../models/exports/plans.py" line="28"/>
        <source>Filing</source>
        <translation>备案</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="29"/>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="30"/>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="31"/>
        <source>Revision</source>
        <translation>修订</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="32"/>
        <source>Drill follow-up</source>
        <translation>演练整改</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="46"/>
        <location filename="../../models/exports/plans.py" line="78"/>
        <location filename="../../ui/plans/page.py" line="107"/>
        <location filename="../../ui/plans/page.py" line="115"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="47"/>
        <location filename="../../models/exports/plans.py" line="79"/>
        <location filename="../../ui/plans/page.py" line="108"/>
        <location filename="../../ui/plans/page.py" line="116"/>
        <location filename="../../ui/plans/page.py" line="189"/>
        <location filename="../../ui/plans/page.py" line="229"/>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="48"/>
        <location filename="../../ui/plans/page.py" line="189"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="52"/>
        <location filename="../../ui/plans/page.py" line="189"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="80"/>
        <location filename="../../ui/plans/page.py" line="109"/>
        <source>Deadline</source>
        <translation>期限事项</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="81"/>
        <location filename="../../ui/plans/page.py" line="110"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="82"/>
        <location filename="../../ui/plans/page.py" line="111"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="83"/>
        <location filename="../../ui/plans/page.py" line="112"/>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="89"/>
        <location filename="../../ui/plans/page.py" line="82"/>
        <source>%1 days overdue</source>
        <translation>已超期 %1 天</translation>
    </message>
    <message>
        <location filename="../../models/exports/plans.py" line="91"/>
        <location filename="../../ui/plans/page.py" line="83"/>
        <source>due in %1 days</source>
        <translation>%1 天后到期</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="102"/>
        <source>%1 (estimated)</source>
        <translation>%1（估算）</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="117"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="118"/>
        <source>Matches</source>
        <translation>匹配次数</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="119"/>
        <source>Passage</source>
        <translation>匹配段落</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="171"/>
        <source>Contingency plans</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="174"/>
        <source>Search titles, actions and documents (two characters or more)</source>
        <translation>搜索预案名称、响应任务和文件内容（至少两个字）</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="179"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="189"/>
        <source>Deadlines</source>
        <translation>期限提醒</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="212"/>
        <source>Overdue and due soon</source>
        <translation>超期和即将到期</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="213"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="217"/>
        <source>Event checklist</source>
        <translation>事件任务清单</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="233"/>
        <source>New plan…</source>
        <translation>新建预案…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="235"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="237"/>
        <source>Next step…</source>
        <translation>状态流转…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="239"/>
        <source>New version…</source>
        <translation>新增版本…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="241"/>
        <source>Stages and actions…</source>
        <translation>响应与任务…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="243"/>
        <source>Record a drill…</source>
        <translation>记录演练…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="277"/>
        <source>No plans are registered yet. Import the plan register (python main.py import plans FILE) or build the demo county (python main.py demo).</source>
        <translation>尚未登记预案。请导入预案目录（python main.py import plans FILE），或生成演示县（python main.py demo）。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="325"/>
        <source>%1 plans; %2 items overdue, %3 due within 30 days.</source>
        <translation>共 %1 个预案；%2 项已超期，%3 项将在 30 天内到期。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="438"/>
        <source>The plan has no version yet: add one first.</source>
        <translation>该预案尚无版本：请先新增版本。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/page.py" line="515"/>
        <source>No plan text holds these words.</source>
        <translation>没有预案文本包含这些词。</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../ui/common/print_preview.py" line="110"/>
        <source>Print preview: %1</source>
        <translation>打印预览：%1</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="114"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="158"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="160"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="178"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="226"/>
        <source>%1: opened in the print preview.</source>
        <translation>%1：已在打印预览中打开。</translation>
    </message>
    <message>
        <location filename="../../ui/common/print_preview.py" line="187"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../ui/printing/layout.py" line="245"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 共 %2 页</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/projection.py" line="99"/>
        <source>%1 km</source>
        <translation>%1千米</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/projection.py" line="100"/>
        <source>%1 m</source>
        <translation>%1米</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/legend.py" line="93"/>
        <source>Scale 1:%1</source>
        <translation>比例尺 1:%1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/features.py" line="68"/>
        <source>Capacity %1 persons</source>
        <translation>可容纳%1人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/sheet.py" line="55"/>
        <source>The situation map prints on A4 or A3 paper, not %1.</source>
        <translation>形势图只能打印在 A4 或 A3 纸上，不支持 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/sheet.py" line="67"/>
        <location filename="../../ui/printing/transfers.py" line="141"/>
        <source>No village or community has the code %1.</source>
        <translation>没有代码为 %1 的村（社区）。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/features.py" line="248"/>
        <source>%1, %2 away</source>
        <translation>%1，距本村%2</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/features.py" line="322"/>
        <source>The register has no map data for this village.</source>
        <translation>登记册中没有该村（社区）的图形数据。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/legend.py" line="145"/>
        <source>Shelter beyond the map</source>
        <translation>图外避灾安置场所（方向）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/legend.py" line="148"/>
        <source>Village boundary</source>
        <translation>村（社区）界</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/legend.py" line="151"/>
        <source>Neighbouring village</source>
        <translation>相邻村（社区）界</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/legend.py" line="154"/>
        <source>Responsibility grid</source>
        <translation>责任网格</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/legend.py" line="198"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/sheet.py" line="151"/>
        <source>Village flood working group</source>
        <translation>村级防汛工作组</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/sheet.py" line="159"/>
        <source>Grid leaders</source>
        <translation>网格责任人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/sheet.py" line="166"/>
        <source>Shelter managers</source>
        <translation>避灾场所管理员</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/sheet.py" line="175"/>
        <source>Responsible persons</source>
        <translation>责任人一览</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/sheet.py" line="181"/>
        <source>Duty</source>
        <translation>职责</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/sheet.py" line="182"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/sheet.py" line="195"/>
        <source>%1 more not shown</source>
        <translation>另有 %1 人未列出</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/sheet.py" line="248"/>
        <source>Mobiles are masked: your role may not see them in full.</source>
        <translation>手机号码已按本账号权限隐藏部分数字。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="203"/>
        <source>Village code: %1</source>
        <translation>村代码：%1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="206"/>
        <source>Households: %1  Residents: %2</source>
        <translation>户数：%1&#x3000;人数：%2</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="210"/>
        <source>Signature of the village head:</source>
        <translation>村负责人签字：</translation>
    </message>
    <message>
        <location filename="../../ui/printing/area.py" line="103"/>
        <location filename="../../ui/printing/dutylog.py" line="92"/>
        <location filename="../../ui/printing/plans.py" line="38"/>
        <location filename="../../ui/printing/teams.py" line="45"/>
        <location filename="../../ui/printing/transfers.py" line="211"/>
        <location filename="../../ui/printing/transfers.py" line="296"/>
        <location filename="../../ui/printing/transfers.py" line="474"/>
        <source>Printed %1</source>
        <translation>打印时间：%1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="226"/>
        <source>Transfer card</source>
        <translation>转移卡</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="243"/>
        <source>%1 residents</source>
        <translation>%1 人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="40"/>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="41"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="42"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="43"/>
        <source>Sent</source>
        <translation>调出在途</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="44"/>
        <source>Coming</source>
        <translation>调入在途</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="49"/>
        <location filename="../../ui/printing/supply_reports.py" line="67"/>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="55"/>
        <source>Warehouses</source>
        <translation>存放仓库数</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="63"/>
        <source>Supplies stock by area</source>
        <translation>应急物资库存报表（按区域）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="68"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="73"/>
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="80"/>
        <source> (below)</source>
        <translation>（低于）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="85"/>
        <source>Supplies stock by warehouse</source>
        <translation>应急物资库存报表（按仓库）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="94"/>
        <source>%1 lines</source>
        <translation>共 %1 行</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="96"/>
        <location filename="../../ui/printing/supply_reports.py" line="186"/>
        <source>Stock as of %1</source>
        <translation>库存截至 %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="98"/>
        <source>Expired stock is on hand but never available; sent and coming: transfers in transit.</source>
        <translation>已过期物资计入库存但不计入可用；调出、调入在途指尚未签收的调拨。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="103"/>
        <location filename="../../ui/printing/supply_reports.py" line="192"/>
        <source>Prepared by</source>
        <translation>制表人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="117"/>
        <source>%1 of %2 complete (%3)</source>
        <translation>达标 %1 / %2 个（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="137"/>
        <source>%1 %2 of %3 %4</source>
        <translation>%1 现有 %2 / 应配 %3 %4</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="146"/>
        <source>Complete</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="148"/>
        <source>Incomplete</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="155"/>
        <source>%1 subtotal</source>
        <translation>%1 小计</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="165"/>
        <source>Village standard kit compliance</source>
        <translation>村级物资配备达标情况</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="169"/>
        <source>Town</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="170"/>
        <location filename="../../ui/printing/transfers.py" line="254"/>
        <location filename="../../ui/printing/transfers.py" line="460"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="171"/>
        <source>Kit</source>
        <translation>配备情况</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="172"/>
        <source>Missing (held of required)</source>
        <translation>缺少物资（现有 / 应配）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="179"/>
        <source>%1 towns</source>
        <translation>%1 个乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="184"/>
        <source>%1 villages</source>
        <translation>共 %1 个村（社区）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="188"/>
        <source>Available stock of the village&apos;s stores counts; expired stock does not.</source>
        <translation>按村级储备点的可用库存计算，已过期物资不计。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="255"/>
        <source>Danger zone</source>
        <translation>危险区</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="256"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/legend.py" line="142"/>
        <location filename="../../ui/printing/transfers.py" line="258"/>
        <source>Shelter</source>
        <translation>避灾安置场所</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="259"/>
        <source>(none assigned)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="261"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/situation_map/sheet.py" line="183"/>
        <location filename="../../ui/printing/transfers.py" line="262"/>
        <location filename="../../ui/printing/transfers.py" line="459"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="294"/>
        <source>Transfer cards</source>
        <translation>转移卡</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="310"/>
        <location filename="../../ui/printing/transfers.py" line="384"/>
        <source>There is no event %1.</source>
        <translation>没有编号为 %1 的事件。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_reports.py" line="178"/>
        <location filename="../../ui/printing/transfers.py" line="325"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="333"/>
        <source>%1 transfer of people by town</source>
        <translation>%1各乡镇（街道）人员转移情况</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="342"/>
        <location filename="../../ui/printing/transfers.py" line="471"/>
        <source>Event: %1</source>
        <translation>事件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="343"/>
        <source>Figures as of %1</source>
        <translation>数据截至 %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="344"/>
        <source>Listed households and objects; figures phoned in by towns are not included.</source>
        <translation>统计范围为清单内的住户和其他转移对象，不含乡镇电话报送的数字。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="392"/>
        <source>There is no shelter %1.</source>
        <translation>没有编号为 %1 的避灾安置场所。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="408"/>
        <source>%1 of %2 listed</source>
        <translation>在册 %2 人，到达 %1 人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="430"/>
        <source>Left or returned home: %1</source>
        <translation>已离开或返回 %1 人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="438"/>
        <source>Total people</source>
        <translation>人数合计</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="446"/>
        <source>In the shelter now: %1 (capacity %2)</source>
        <translation>现有 %1 人（容纳 %2 人）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="453"/>
        <source>%1: register of arrivals</source>
        <translation>%1安置人员到达登记表</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="20"/>
        <source>Receipt slip</source>
        <translation>入库单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="21"/>
        <source>Issue slip</source>
        <translation>出库单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="22"/>
        <source>Transfer slip</source>
        <translation>调拨单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="23"/>
        <source>Write-off slip</source>
        <translation>报损单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="24"/>
        <source>Count adjustment slip</source>
        <translation>盘点调整单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="55"/>
        <source>From %1 to %2 · %3 %4 · driver %5 %6</source>
        <translation>由%1调往%2 · %3 %4 · 驾驶员 %5 %6</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="67"/>
        <source>Issued on the word of %1; paperwork pending.</source>
        <translation>凭%1指令先行出库，手续待补。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="78"/>
        <location filename="../../ui/printing/supply_counts.py" line="50"/>
        <location filename="../../ui/printing/supply_reports.py" line="48"/>
        <location filename="../../ui/printing/supply_reports.py" line="66"/>
        <location filename="../../ui/printing/supply_reports.py" line="168"/>
        <location filename="../../ui/printing/transfers.py" line="457"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="79"/>
        <location filename="../../ui/printing/supply_counts.py" line="51"/>
        <location filename="../../ui/printing/supply_reports.py" line="50"/>
        <location filename="../../ui/printing/supply_reports.py" line="69"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="80"/>
        <location filename="../../ui/printing/supply_counts.py" line="52"/>
        <location filename="../../ui/printing/supply_reports.py" line="51"/>
        <location filename="../../ui/printing/supply_reports.py" line="70"/>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="81"/>
        <location filename="../../ui/printing/supply_counts.py" line="53"/>
        <source>Specification</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="82"/>
        <location filename="../../ui/printing/supply_counts.py" line="54"/>
        <location filename="../../ui/printing/supply_reports.py" line="52"/>
        <location filename="../../ui/printing/supply_reports.py" line="71"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="83"/>
        <location filename="../../ui/printing/supply_counts.py" line="55"/>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="84"/>
        <location filename="../../ui/printing/supply_counts.py" line="56"/>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="85"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="91"/>
        <source>No. %1-%2  %3</source>
        <translation>编号：%1-%2  %3</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="97"/>
        <source>%1  recorded by %2</source>
        <translation>%1  经办人：%2</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="103"/>
        <source>Issued by</source>
        <translation>发货人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="104"/>
        <source>Carried by</source>
        <translation>承运人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supplies.py" line="105"/>
        <source>Received by</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="458"/>
        <source>Householder / object</source>
        <translation>户主/对象</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="462"/>
        <source>Arrived at</source>
        <translation>到达时间</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="463"/>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="464"/>
        <source>Check-in point</source>
        <translation>登记点</translation>
    </message>
    <message>
        <location filename="../../ui/printing/transfers.py" line="473"/>
        <source>Signature of the shelter manager:</source>
        <translation>安置点负责人签字：</translation>
    </message>
    <message>
        <location filename="../../ui/plans/checklist.py" line="42"/>
        <location filename="../../ui/printing/plans.py" line="115"/>
        <source>Stage</source>
        <translation>响应级别</translation>
    </message>
    <message>
        <location filename="../../ui/plans/checklist.py" line="43"/>
        <location filename="../../ui/printing/plans.py" line="116"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../ui/plans/checklist.py" line="44"/>
        <location filename="../../ui/printing/plans.py" line="117"/>
        <source>Action</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/plans/checklist.py" line="45"/>
        <location filename="../../ui/printing/plans.py" line="118"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/plans/checklist.py" line="46"/>
        <location filename="../../ui/printing/plans.py" line="119"/>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../ui/plans/checklist.py" line="47"/>
        <location filename="../../ui/printing/plans.py" line="120"/>
        <source>Done</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../ui/plans/checklist.py" line="48"/>
        <location filename="../../ui/printing/plans.py" line="121"/>
        <source>By</source>
        <translation>完成人</translation>
    </message>
    <message>
        <location filename="../../ui/plans/checklist.py" line="49"/>
        <location filename="../../ui/printing/plans.py" line="122"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/printing/plans.py" line="80"/>
        <source>No plan was activated for this event.</source>
        <translation>本次事件没有启动预案。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/plans.py" line="101"/>
        <source>%1: checklist of actions</source>
        <translation>%1：响应任务清单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/plans.py" line="105"/>
        <source>Activated %1; stage now: %2</source>
        <translation>启动时间：%1；当前响应级别：%2</translation>
    </message>
    <message>
        <location filename="../../ui/printing/plans.py" line="110"/>
        <source>%1 of %2 actions done</source>
        <translation>已完成 %1 项，共 %2 项</translation>
    </message>
    <message>
        <location filename="../../ui/printing/teams.py" line="90"/>
        <source>Members: %1</source>
        <translation>队员：%1 人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/teams.py" line="91"/>
        <source>Signature of the team leader:</source>
        <translation>队长签字：</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_counts.py" line="36"/>
        <source> (expired)</source>
        <translation>（已过期）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_counts.py" line="48"/>
        <source>%1 stock count sheet</source>
        <translation>%1盘点表</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_counts.py" line="57"/>
        <source>On the books</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_counts.py" line="58"/>
        <source>Counted</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_counts.py" line="59"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_counts.py" line="65"/>
        <source>Warehouse %1 %2 · manager %3</source>
        <translation>仓库 %1 %2 · 管理员 %3</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_counts.py" line="71"/>
        <source>Books as of %1</source>
        <translation>账面截至 %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_counts.py" line="73"/>
        <source>Blank lines: goods found that the books do not show, with their lot.</source>
        <translation>空白行：填写账面未列而实际盘到的物资及其批号。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_counts.py" line="77"/>
        <source>Counted by</source>
        <translation>盘点人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_counts.py" line="78"/>
        <location filename="../../ui/printing/supply_reports.py" line="104"/>
        <location filename="../../ui/printing/supply_reports.py" line="193"/>
        <source>Checked by</source>
        <translation>复核人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/supply_counts.py" line="79"/>
        <source>Warehouse manager</source>
        <translation>仓库管理员</translation>
    </message>
</context>
<context>
    <name>Reach</name>
    <message>
        <location filename="../../maps/reach.py" line="33"/>
        <source>Towns and streets</source>
        <translation>镇（街道）</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="34"/>
        <source>Villages and communities</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="35"/>
        <source>Responsibility grids</source>
        <translation>责任网格</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="36"/>
        <source>Danger zones and hazard points</source>
        <translation>危险区（隐患点）</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="37"/>
        <source>Shelters</source>
        <translation>避灾安置场所</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="38"/>
        <source>Households at risk</source>
        <translation>危险区住户</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="39"/>
        <source>People in those households</source>
        <translation>其中人口</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="54"/>
        <source>Force-7 circle now</source>
        <translation>当前七级风圈内</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="55"/>
        <source>Force-10 circle now</source>
        <translation>当前十级风圈内</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="56"/>
        <source>Force-7 along the forecast</source>
        <translation>预报路径七级风圈扫过</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="57"/>
        <source>Force-10 along the forecast</source>
        <translation>预报路径十级风圈扫过</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="135"/>
        <source>No wind radii known at this time: the track gives none here, so what the wind circles reach now cannot be told.</source>
        <translation>该时刻无已知风圈半径：路径在此未给出风圈半径，无法判断此时风圈波及范围。</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="141"/>
        <source>Wind radii at this time are interpolated between the points that give them.</source>
        <translation>该时刻风圈半径由前后给出半径的路径点插值得到。</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="221"/>
        <source>%1 residents</source>
        <translation>%1 人</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="334"/>
        <source>Capacity %1</source>
        <translation>可容纳%1人</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="460"/>
        <source>There is no typhoon with the id %1.</source>
        <translation>没有编号（ID）为 %1 的台风。</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="469"/>
        <source>%1 is outside the track of %2: it runs from %3 to %4. Choose a time within it.</source>
        <translation>%1 不在%2的路径时段内：路径自 %3 至 %4。请选择此时段内的时间。</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="491"/>
        <source>Typhoon %1 %2: what the wind circles reach</source>
        <translation>%1号台风“%2”风圈影响范围</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="497"/>
        <source>Wind circles at %1 (%2)</source>
        <translation>风圈时间：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="502"/>
        <source>The track has no points.</source>
        <translation>该台风路径没有路径点。</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="507"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="510"/>
        <source>Counts</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="512"/>
        <source>Details</source>
        <translation>明细</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="520"/>
        <location filename="../../maps/reach.py" line="540"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="521"/>
        <source>In the county</source>
        <translation>全县共计</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="541"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="542"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="543"/>
        <source>Town or street</source>
        <translation>镇（街道）</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="544"/>
        <source>Village or community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="545"/>
        <source>Type, capacity or person</source>
        <translation>类别/容量/责任人</translation>
    </message>
    <message>
        <location filename="../../maps/reach.py" line="570"/>
        <source>Beijing time</source>
        <translation>北京时间</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../ui/common/forms.py" line="74"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/common/forms.py" line="75"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/common/forms.py" line="86"/>
        <source>This record no longer exists; another user may have deleted it.</source>
        <translation>该记录已不存在，可能已被其他用户删除。</translation>
    </message>
</context>
<context>
    <name>Register</name>
    <message>
        <location filename="../../models/fields.py" line="179"/>
        <source>Too long: at most %1 characters.</source>
        <translation>过长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../models/fields.py" line="193"/>
        <source>Not a mobile number (11 digits starting with 13 to 19) or a landline number (such as 0576-86123456).</source>
        <translation>不是有效的手机号码（以 13 至 19 开头的 11 位数字）或固定电话（如 0576-86123456）。</translation>
    </message>
    <message>
        <location filename="../../models/areas/saving.py" line="32"/>
        <source>Choose a village or community.</source>
        <translation>请选择村（社区）。</translation>
    </message>
    <message>
        <location filename="../../models/areas/saving.py" line="39"/>
        <source>The chosen division is not a village or community.</source>
        <translation>所选区划不是村（社区）。</translation>
    </message>
    <message>
        <location filename="../../models/fields.py" line="49"/>
        <source>Not a year: give a year from %1 to %2, such as 2026 (given: %3).</source>
        <translation>不是有效年份：请填写 %1 到 %2 之间的年份，如 2026（填写的是：%3）。</translation>
    </message>
    <message>
        <location filename="../../models/fields.py" line="67"/>
        <source>Not a record number: give a whole number from 1 to %1 (given: %2).</source>
        <translation>不是有效的记录编号：请填写 1 到 %1 之间的整数（填写的是：%2）。</translation>
    </message>
    <message>
        <location filename="../../models/fields.py" line="171"/>
        <source>Contains control characters (such as NUL): remove them.</source>
        <translation>含有控制字符（如 NUL），请删除。</translation>
    </message>
    <message>
        <location filename="../../models/fields.py" line="224"/>
        <source>Enter a number in decimal degrees, such as 121.38.</source>
        <translation>请输入十进制度数，如 121.38。</translation>
    </message>
    <message>
        <location filename="../../models/fields.py" line="236"/>
        <source>Give both longitude and latitude, or neither.</source>
        <translation>经度和纬度要么都填，要么都不填。</translation>
    </message>
    <message>
        <location filename="../../models/fields.py" line="251"/>
        <source>Longitude and latitude look swapped: longitude is the larger number in China.</source>
        <translation>经纬度似乎填反了：在我国境内，经度是较大的数。</translation>
    </message>
    <message>
        <location filename="../../models/fields.py" line="260"/>
        <source>Longitude must be between 73 and 136 degrees east (China).</source>
        <translation>经度应在东经 73 至 136 度之间（我国境内）。</translation>
    </message>
    <message>
        <location filename="../../models/fields.py" line="267"/>
        <source>Latitude must be between 3 and 54 degrees north (China).</source>
        <translation>纬度应在北纬 3 至 54 度之间（我国境内）。</translation>
    </message>
    <message>
        <location filename="../../models/fields.py" line="299"/>
        <source>Not plausible: the number must lie between %1 (the plausible range).</source>
        <translation>数值不合理：应在 %1 之间（合理范围）。</translation>
    </message>
    <message>
        <location filename="../../models/areas/saving.py" line="52"/>
        <source>This record no longer exists; another user may have deleted it.</source>
        <translation>该记录已不存在，可能已被其他用户删除。</translation>
    </message>
    <message>
        <location filename="../../models/areas/saving.py" line="171"/>
        <location filename="../../models/areas/saving.py" line="210"/>
        <source>Enter a code.</source>
        <translation>请输入编码。</translation>
    </message>
    <message>
        <location filename="../../models/areas/saving.py" line="175"/>
        <source>Another grid already has this code.</source>
        <translation>已有其他网格使用此编码。</translation>
    </message>
    <message>
        <location filename="../../models/areas/saving.py" line="180"/>
        <location filename="../../models/areas/saving.py" line="232"/>
        <location filename="../../models/areas/saving.py" line="270"/>
        <location filename="../../models/areas/saving.py" line="334"/>
        <source>Enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <location filename="../../models/areas/saving.py" line="189"/>
        <source>Enter the name of the responsible person.</source>
        <translation>请输入责任人姓名。</translation>
    </message>
    <message>
        <location filename="../../models/areas/saving.py" line="215"/>
        <source>Another danger zone already has this code.</source>
        <translation>已有其他危险区使用此编码。</translation>
    </message>
    <message>
        <location filename="../../models/areas/saving.py" line="222"/>
        <source>This grid no longer exists.</source>
        <translation>该网格已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/areas/saving.py" line="227"/>
        <source>The grid belongs to another village.</source>
        <translation>该网格属于其他村。</translation>
    </message>
    <message>
        <location filename="../../models/areas/saving.py" line="238"/>
        <source>Choose a known type of danger zone.</source>
        <translation>请选择有效的危险区类别。</translation>
    </message>
    <message>
        <location filename="../../models/areas/saving.py" line="280"/>
        <source>This village already has a shelter with this name.</source>
        <translation>本村已有同名的避灾安置场所。</translation>
    </message>
    <message>
        <location filename="../../models/areas/saving.py" line="288"/>
        <source>Capacity must be a whole number of persons, zero or more.</source>
        <translation>容纳人数应为不小于零的整数。</translation>
    </message>
    <message>
        <location filename="../../models/areas/saving.py" line="299"/>
        <source>Choose a known shelter level.</source>
        <translation>请选择有效的场所级别。</translation>
    </message>
    <message>
        <location filename="../../models/areas/saving.py" line="331"/>
        <source>Choose a known post.</source>
        <translation>请选择有效的岗位。</translation>
    </message>
    <message>
        <location filename="../../models/areas/saving.py" line="349"/>
        <source>This person already holds this post in this village.</source>
        <translation>此人在本村已担任该岗位。</translation>
    </message>
</context>
<context>
    <name>RegisterColumns</name>
    <message>
        <location filename="../../ui/register/page.py" line="86"/>
        <source>Town / street</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="90"/>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="96"/>
        <location filename="../../ui/register/page.py" line="114"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="97"/>
        <location filename="../../ui/register/page.py" line="124"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="102"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="107"/>
        <location filename="../../ui/register/page.py" line="168"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="109"/>
        <location filename="../../ui/register/page.py" line="157"/>
        <location filename="../../ui/register/page.py" line="174"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="110"/>
        <source>Outline on map</source>
        <translation>地图轮廓</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="115"/>
        <location filename="../../ui/register/page.py" line="134"/>
        <location filename="../../ui/register/page.py" line="173"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="117"/>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="120"/>
        <source>Point or area</source>
        <translation>点或面</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="126"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="128"/>
        <location filename="../../ui/register/page.py" line="159"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="129"/>
        <location filename="../../ui/register/page.py" line="160"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="130"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="137"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="143"/>
        <source>Capacity</source>
        <translation>容纳人数</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="147"/>
        <source>Safety certified</source>
        <translation>安全鉴定</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="155"/>
        <source>Manager</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="158"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
</context>
<context>
    <name>RegisterForm</name>
    <message>
        <location filename="../../ui/register/forms.py" line="70"/>
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../ui/register/page.py" line="58"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="60"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="66"/>
        <source>Point</source>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="68"/>
        <source>Area</source>
        <translation>面</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="228"/>
        <source>Responsibility grids</source>
        <translation>责任网格</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="232"/>
        <source>%1 grids</source>
        <translation>共 %1 个网格</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="233"/>
        <source>%1 of %2 grids</source>
        <translation>%2 个网格中的 %1 个</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="237"/>
        <source>Danger zones and hazard points</source>
        <translation>危险区（点）</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="241"/>
        <source>%1 danger zones and points</source>
        <translation>共 %1 处危险区（点）</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="242"/>
        <source>%1 of %2 danger zones and points</source>
        <translation>%2 处危险区（点）中的 %1 处</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="245"/>
        <source>All types</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="249"/>
        <source>Shelters</source>
        <translation>避灾安置场所</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="253"/>
        <source>%1 shelters</source>
        <translation>共 %1 个避灾安置场所</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="254"/>
        <source>%1 of %2 shelters</source>
        <translation>%2 个避灾安置场所中的 %1 个</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="257"/>
        <source>All levels</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="261"/>
        <source>Village working groups</source>
        <translation>村级防汛工作组</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="265"/>
        <source>%1 members</source>
        <translation>共 %1 名成员</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="266"/>
        <source>%1 of %2 members</source>
        <translation>%2 名成员中的 %1 名</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="269"/>
        <source>All posts</source>
        <translation>全部岗位</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="339"/>
        <source>Geography register</source>
        <translation>基础信息登记</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="343"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="346"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="348"/>
        <source>Import divisions, transfer lists, map data or a typhoon track</source>
        <translation>导入行政区划、转移清单、地图数据或台风路径</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="400"/>
        <source>Loading…</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="472"/>
        <source>The register could not be loaded: %1</source>
        <translation>无法加载基础信息：%1</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="532"/>
        <source>The register is empty</source>
        <translation>基础信息为空</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="535"/>
        <source>No county, towns or villages have been entered yet. Grids, danger zones, shelters and working groups all belong to a village, so the divisions come first.</source>
        <translation>尚未录入县、乡镇和村。网格、危险区、避灾场所和工作组都隶属于村，因此需要先录入行政区划。</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="538"/>
        <source>To try the console with a demo county, run:</source>
        <translation>如需用演示县试用调度台，请运行：</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="540"/>
        <source>To load your county&apos;s towns and villages from a spreadsheet, run:</source>
        <translation>如需从电子表格导入本县的乡镇和村，请运行：</translation>
    </message>
    <message>
        <location filename="../../ui/register/page.py" line="542"/>
        <source>Then press Refresh.</source>
        <translation>然后点击“刷新”。</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <location filename="../../ui/register/tabs.py" line="72"/>
        <source>Search names, pinyin initials (zs for 张三) or phone digits</source>
        <translation>搜索名称、拼音首字母（如 zs 查找张三）或电话号码</translation>
    </message>
    <message>
        <location filename="../../ui/register/tabs.py" line="91"/>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <location filename="../../ui/register/tabs.py" line="92"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
</context>
<context>
    <name>RegisterZoneDialog</name>
    <message>
        <location filename="../../ui/map/zone_dialog.py" line="24"/>
        <source>Register as a danger zone</source>
        <translation>登记为危险区</translation>
    </message>
    <message>
        <location filename="../../ui/map/zone_dialog.py" line="28"/>
        <source>The area becomes a danger zone of the register in each village whose outline it covers, with the village&apos;s next danger zone code.</source>
        <translation>该区域将在其覆盖的每个村（社区）登记为一个危险区，编码按该村下一个危险区编码编排。</translation>
    </message>
    <message>
        <location filename="../../ui/map/zone_dialog.py" line="38"/>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/map/zone_dialog.py" line="41"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../models/command/reports.py" line="88"/>
        <source>Daily reports start after 1 to 720 hours of an event.</source>
        <translation>日报应在事件持续 1 至 720 小时后开始。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="94"/>
        <source>The hour of the daily report is from 0 to 23.</source>
        <translation>日报报送时刻应为 0 至 23 时。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="144"/>
        <source>The event has no report yet.</source>
        <translation>本事件还没有报告。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="147"/>
        <source>The event has no daily report yet.</source>
        <translation>该事件尚无日报。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="157"/>
        <source>The event has no report %1.</source>
        <translation>本事件没有%1。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="167"/>
        <source>No report with the id %1.</source>
        <translation>没有编号为 %1 的报告。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="185"/>
        <source>Unknown report kind: %1</source>
        <translation>未知的报告类别：%1</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="231"/>
        <source>The %1 of this event is still a draft: have it signed first.</source>
        <translation>本事件的%1仍是草稿，请先签发。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="239"/>
        <source>The event&apos;s final report has been made: no report follows it.</source>
        <translation>本事件已有终报，之后不再报告。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="246"/>
        <source>The event has its initial report: draft a follow-up.</source>
        <translation>本事件已有首报，请起草续报。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="252"/>
        <location filename="../../models/command/reports.py" line="272"/>
        <source>The event has ended: only its final report remains.</source>
        <translation>事件已结束，只能起草终报。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="259"/>
        <source>Draft the event&apos;s initial report first.</source>
        <translation>请先起草本事件的首报。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="264"/>
        <source>The final report comes once the response is lifted or the event has ended.</source>
        <translation>应急响应终止或事件结束后才能起草终报。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="281"/>
        <source>Daily reports start once the event has lasted %1 hours.</source>
        <translation>事件持续 %1 小时后才开始报送日报。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="297"/>
        <source>A signed report cannot be changed: draft a follow-up report instead.</source>
        <translation>已签发的报告不能修改，请起草续报。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="303"/>
        <source>The report has no text.</source>
        <translation>报告没有正文。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="324"/>
        <source>The report was signed already, by %1.</source>
        <translation>该报告已由%1签发。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="333"/>
        <source>Name the leader who signs the report.</source>
        <translation>请填写签发报告的领导姓名。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="339"/>
        <source>A report cannot be signed before it was drafted.</source>
        <translation>报告不能在起草之前签发。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="374"/>
        <source>No member unit named %1.</source>
        <translation>没有名为%1的成员单位。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="389"/>
        <source>The report is not signed: a leader signs it before it is sent.</source>
        <translation>报告尚未签发，须经领导签发后才能报送。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="394"/>
        <source>The report was sent already.</source>
        <translation>该报告已报送。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="397"/>
        <source>Name the units the report is sent to.</source>
        <translation>请填写报送单位。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports.py" line="403"/>
        <source>A report cannot be sent before it was signed.</source>
        <translation>报告不能在签发之前报送。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports_due.py" line="122"/>
        <source>Deadlines are set for initial, follow-up and final reports.</source>
        <translation>只能为首报、续报和终报设置时限。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports_due.py" line="127"/>
        <source>Unknown event grade.</source>
        <translation>未知的事件等级。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports_due.py" line="131"/>
        <source>A deadline is from 1 minute to 7 days.</source>
        <translation>时限应在 1 分钟至 7 天之间。</translation>
    </message>
    <message>
        <location filename="../../models/command/reports_due.py" line="135"/>
        <source>The phone report cannot be due after the written one.</source>
        <translation>电话报告时限不能晚于书面报告时限。</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="56"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="57"/>
        <source>Signed</source>
        <translation>已签发</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="58"/>
        <location filename="../../ui/command/reports_panel.py" line="76"/>
        <source>Sent</source>
        <translation>已报送</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="67"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="70"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="74"/>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="75"/>
        <source>Signed by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="79"/>
        <source>To</source>
        <translation>报送单位</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="121"/>
        <source>%1 overdue by %2 (in writing by %3)</source>
        <translation>%1已超时 %2（书面报告时限 %3）</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="127"/>
        <source>%1 due in %2 (in writing by %3)</source>
        <translation>%1剩余 %2（书面报告时限 %3）</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="134"/>
        <source>; by phone by %1</source>
        <translation>；电话报告时限 %1</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="145"/>
        <source>Edit the report</source>
        <translation>修改报告</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="155"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="158"/>
        <source>Text (one paragraph a line)</source>
        <translation>正文（每行一段）</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="175"/>
        <source>Send the report to</source>
        <translation>报送单位</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="209"/>
        <source>Sign the report</source>
        <translation>签发报告</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="210"/>
        <source>Leader who signed:</source>
        <translation>签发领导：</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="224"/>
        <source>Reports upward</source>
        <translation>向上级报告</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="234"/>
        <source>Draft a report</source>
        <translation>起草报告</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="241"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="242"/>
        <source>Sign…</source>
        <translation>签发…</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="243"/>
        <source>Send…</source>
        <translation>报送…</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="244"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="314"/>
        <source>No report is due.</source>
        <translation>目前没有到期应报的报告。</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="354"/>
        <source>%1 drafted: edit it, then have it signed.</source>
        <translation>已起草%1：请修改后报领导签发。</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="362"/>
        <source>%1 saved.</source>
        <translation>%1已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="371"/>
        <source>%1 signed and numbered.</source>
        <translation>%1已签发并编号。</translation>
    </message>
    <message>
        <location filename="../../ui/command/reports_panel.py" line="379"/>
        <source>%1 recorded as sent.</source>
        <translation>%1已登记报送。</translation>
    </message>
</context>
<context>
    <name>ReturnsDialog</name>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="295"/>
        <source>Mark returns by village</source>
        <translation>按村登记返回</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="298"/>
        <source>Everyone moved from the village (shelters, relatives, forced) is recorded as returned home. People who refused or are away stay as they are. Each household keeps its history.</source>
        <translation>该村已转移人员（集中安置、投亲靠友、强制转移）全部登记为已返回。拒绝转移和外出人员保持不变。每户的变更记录都会保留。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="307"/>
        <source>%1 (%2 people moved)</source>
        <translation>%1（已转移 %2 人）</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="310"/>
        <source>Village:</source>
        <translation>村（社区）：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="311"/>
        <source>Mark as returned</source>
        <translation>登记为已返回</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="319"/>
        <source>Choose the village from the list.</source>
        <translation>请从列表中选择村（社区）。</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../ui/settings/users.py" line="418"/>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="421"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="422"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../models/pg_roles.py" line="137"/>
        <source>Too many login roles granted; grant one group role instead.</source>
        <translation>已授权的登录角色过多，请改为授权一个组角色。</translation>
    </message>
    <message>
        <location filename="../../models/pg_roles.py" line="169"/>
        <source>Database roles are for PostgreSQL: a SQLite file has none.</source>
        <translation>数据库角色仅适用于 PostgreSQL，SQLite 文件没有角色。</translation>
    </message>
    <message>
        <location filename="../../models/pg_roles.py" line="178"/>
        <source>There is no database role %1.</source>
        <translation>数据库中没有角色 %1。</translation>
    </message>
    <message>
        <location filename="../../models/pg_roles.py" line="187"/>
        <source>The database is not at the newest revision: run db upgrade first.</source>
        <translation>数据库不是最新版本，请先运行 db upgrade。</translation>
    </message>
    <message>
        <location filename="../../models/pg_roles.py" line="195"/>
        <source>Run db grant as the role that owns the tables (%1), not as %2.</source>
        <translation>请以数据表所有者角色（%1）运行 db grant，而不是以 %2 运行。</translation>
    </message>
    <message>
        <location filename="../../models/pg_roles.py" line="212"/>
        <source>%1 owns the tables or is a superuser: grant the rights to the login role the workstations use, not to the owner.</source>
        <translation>%1 是数据表所有者或超级用户：请把权限授予工作站使用的登录角色，而不是所有者。</translation>
    </message>
    <message>
        <location filename="../../models/pg_roles.py" line="233"/>
        <source>Run db upgrade as the role that owns the tables (%1), not as %2.</source>
        <translation>请以数据表所有者角色（%1）运行 db upgrade，而不是以 %2 运行。</translation>
    </message>
    <message>
        <location filename="../../models/pg_roles.py" line="281"/>
        <source>Warning: the console connects to PostgreSQL as %1, which owns the tables or is a superuser: with its password anyone can empty the audit log, drop its triggers or make themselves administrator in SQL. Let workstations connect as a login role set up with db grant (see the README).</source>
        <translation>警告：调度台以 %1 连接 PostgreSQL，该角色是数据表所有者或超级用户：任何知道其密码的人都能用 SQL 清空审计日志、删除其触发器或把自己设为管理员。请让工作站以经 db grant 授权的登录角色连接（见 README）。</translation>
    </message>
    <message>
        <location filename="../../models/pg_roles.py" line="324"/>
        <source>Administrator %1: the role log holds no record of how the account became an administrator.</source>
        <translation>管理员 %1：角色变更记录中没有该账号成为管理员的记录。</translation>
    </message>
    <message>
        <location filename="../../models/pg_roles.py" line="342"/>
        <source>Administrator %1 was not made by the console: the database role %2 (from %3) changed the account in SQL at %4.</source>
        <translation>管理员 %1 不是通过调度台设置的：数据库角色 %2（来自 %3）于 %4 用 SQL 修改了该账号。</translation>
    </message>
    <message>
        <location filename="../../models/pg_roles.py" line="349"/>
        <source>this server</source>
        <translation>本服务器</translation>
    </message>
    <message>
        <location filename="../../models/pg_roles.py" line="357"/>
        <source>The database is at revision %1 and this console needs %2. A workstation does not upgrade a PostgreSQL database: the role that owns the tables must run python3 main.py --db URL db upgrade.</source>
        <translation>数据库当前为版本 %1，本调度台需要版本 %2。工作站不会自行升级 PostgreSQL 数据库：须由数据表所有者角色运行 python3 main.py --db URL db upgrade。</translation>
    </message>
    <message>
        <location filename="../../models/pg_roles.py" line="363"/>
        <source>(empty)</source>
        <translation>（空库）</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <location filename="../../models/command/roster.py" line="79"/>
        <source>Not a day: give a date such as 2026-12-07, or today (given: %1).</source>
        <translation>不是日期：请填写如 2026-12-07 的日期或 today（填写的是：%1）。</translation>
    </message>
    <message>
        <location filename="../../models/command/roster.py" line="103"/>
        <source>Unknown shift: %1</source>
        <translation>未知班次：%1</translation>
    </message>
    <message>
        <location filename="../../models/command/roster.py" line="109"/>
        <source>Name the officer or officers on duty.</source>
        <translation>请填写值班人员。</translation>
    </message>
    <message>
        <location filename="../../models/command/roster.py" line="115"/>
        <source>Name the leader on shift.</source>
        <translation>请填写带班领导。</translation>
    </message>
    <message>
        <location filename="../../models/command/roster.py" line="161"/>
        <source>No leader on today&apos;s roster: name the signer or set the roster first.</source>
        <translation>今天的值班表上没有带班领导：请填写签发人，或先设置值班表。</translation>
    </message>
</context>
<context>
    <name>RosterForm</name>
    <message>
        <location filename="../../ui/command/dialogs.py" line="254"/>
        <source>Duty roster of %1</source>
        <translation>%1 值班表</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="256"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="257"/>
        <source>Officers on duty</source>
        <translation>值班人员</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="257"/>
        <source>Names, separated by 、</source>
        <translation>姓名，以“、”分隔</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="258"/>
        <source>Leader on shift</source>
        <translation>带班领导</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="259"/>
        <source>Leader&apos;s phone</source>
        <translation>带班领导电话</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="259"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
</context>
<context>
    <name>SettingsColumns</name>
    <message>
        <location filename="../../ui/settings/users.py" line="73"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="77"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="82"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="85"/>
        <source>Failed logins</source>
        <translation>登录失败次数</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="91"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="97"/>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="182"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="186"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="187"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="188"/>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="191"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/settings/audit.py" line="197"/>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/settings/page.py" line="72"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="79"/>
        <source>Workstation</source>
        <translation>本工作站</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="84"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="87"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="96"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="100"/>
        <source>In use now</source>
        <translation>当前使用</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="104"/>
        <source>empty: the SQLite file in the user data directory; or postgresql://user@server/database</source>
        <translation>留空：使用用户数据目录中的 SQLite 文件；或填写 postgresql://用户@服务器/数据库</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="108"/>
        <source>Database URL</source>
        <translation>数据库地址</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="111"/>
        <source>--db on the command line and the ECC_DATABASE_URL variable take precedence. Takes effect at the next start.</source>
        <translation>命令行参数 --db 和环境变量 ECC_DATABASE_URL 优先。下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="119"/>
        <source>This workstation</source>
        <translation>本工作站</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="124"/>
        <source>empty: the computer&apos;s name (%1)</source>
        <translation>留空则使用计算机名（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="126"/>
        <source>Workstation name</source>
        <translation>工作站名称</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="129"/>
        <source>Recorded with every check-in made here and printed on shelters&apos; arrivals lists, e.g. 县防指值班室 or 城关镇中心小学安置点.</source>
        <translation>在本机办理的每次签到都会记录此名称，并打印在安置场所的到达登记表上，例如：县防指值班室、城关镇中心小学安置点。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="138"/>
        <source>During an event</source>
        <translation>事件期间</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="144"/>
        <source>Needs attention below the completion rate</source>
        <translation>转移率低于此值时提示关注</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="147"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="148"/>
        <source>never</source>
        <translation>不提示</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="150"/>
        <source>Needs attention after no change for</source>
        <translation>无进展超过此时长时提示关注</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="153"/>
        <source>Language and time</source>
        <translation>语言和时间</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="159"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="163"/>
        <source>Beijing time (Asia/Shanghai)</source>
        <translation>北京时间（Asia/Shanghai）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="166"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="169"/>
        <source>Map tile source</source>
        <translation>地图底图来源</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="172"/>
        <source>None (boundaries on a plain background)</source>
        <translation>无（在纯色背景上绘制边界）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="173"/>
        <location filename="../../ui/settings/page.py" line="184"/>
        <source>MBTiles file</source>
        <translation>MBTiles 文件</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="174"/>
        <source>Tile server URL (XYZ/WMTS)</source>
        <translation>瓦片服务地址（XYZ/WMTS）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="177"/>
        <source>Basemap</source>
        <translation>底图</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="179"/>
        <source>Browse...</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="187"/>
        <source>URL template</source>
        <translation>地址模板</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="190"/>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="192"/>
        <source>e.g. © the county&apos;s surveying office</source>
        <translation>例如：© 县测绘院</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="194"/>
        <source>Shown on the map beside the basemap (an MBTiles file&apos;s own when empty).</source>
        <translation>显示在地图底图说明旁（留空时使用 MBTiles 文件自带的说明）。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="196"/>
        <source>Attribution</source>
        <translation>底图版权说明</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="202"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="219"/>
        <source>Choose an MBTiles file</source>
        <translation>选择 MBTiles 文件</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="219"/>
        <source>MBTiles (*.mbtiles)</source>
        <translation>MBTiles 文件 (*.mbtiles)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="242"/>
        <source>The settings could not be saved: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py" line="247"/>
        <source>Saved. Language and database apply at the next start.</source>
        <translation>已保存。语言和数据库设置在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>ShelterForm</name>
    <message>
        <location filename="../../ui/register/forms.py" line="231"/>
        <source>Edit shelter</source>
        <translation>编辑避灾安置场所</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="231"/>
        <source>New shelter</source>
        <translation>新增避灾安置场所</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="233"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="237"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="241"/>
        <source> persons</source>
        <translation> 人</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="242"/>
        <source>Capacity</source>
        <translation>容纳人数</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="243"/>
        <source>Safety certified</source>
        <translation>安全鉴定</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="245"/>
        <source>Manager</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="248"/>
        <source>Manager&apos;s phone</source>
        <translation>管理员电话</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="250"/>
        <source>Mobile or landline, such as 0576-86123456</source>
        <translation>手机或固定电话，如 0576-86123456</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="252"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="253"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="253"/>
        <source>Decimal degrees, such as 121.38</source>
        <translation>十进制度数，如 121.38</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="254"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="254"/>
        <source>Decimal degrees, such as 28.37</source>
        <translation>十进制度数，如 28.37</translation>
    </message>
</context>
<context>
    <name>StageTab</name>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="80"/>
        <source>When this stage starts (trigger conditions); empty with no action: none</source>
        <translation>本级响应的启动条件；条件和任务都为空表示无此级响应</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="84"/>
        <source>Group</source>
        <translation>任务分组</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="85"/>
        <source>Action</source>
        <translation>任务内容</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="87"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="92"/>
        <source>Time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="94"/>
        <source>Add action</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="95"/>
        <source>Remove action</source>
        <translation>删除任务</translation>
    </message>
    <message>
        <location filename="../../ui/plans/content_forms.py" line="98"/>
        <source>Trigger</source>
        <translation>启动条件</translation>
    </message>
</context>
<context>
    <name>StartEventForm</name>
    <message>
        <location filename="../../ui/command/dialogs.py" line="299"/>
        <source>Start an event</source>
        <translation>启动事件</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="300"/>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="302"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="303"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="303"/>
        <source>Such as 2606号台风防御</source>
        <translation>如 2606号台风防御</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="304"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="304"/>
        <source>Optional, such as 2026-06</source>
        <translation>选填，如 2026-06</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="305"/>
        <source>Not graded yet</source>
        <translation>暂未定级</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="306"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="308"/>
        <location filename="../../ui/command/dialogs.py" line="314"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="311"/>
        <source>Typhoon followed</source>
        <translation>关联台风</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="312"/>
        <source>Area</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="312"/>
        <source>The county, or the towns concerned</source>
        <translation>全县，或涉及的乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="317"/>
        <source>An area drawn on the map and saved there</source>
        <translation>在地图上绘制并保存的区域</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="318"/>
        <source>Drawn area</source>
        <translation>绘制区域</translation>
    </message>
    <message>
        <location filename="../../ui/command/dialogs.py" line="344"/>
        <source>Give the event a name.</source>
        <translation>请输入事件名称。</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="120"/>
        <source>Record a transfer</source>
        <translation>登记转移情况</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="125"/>
        <source>%1 (%2 %3): %4 residents; %5 moved, %6 left to move, %7 refused, %8 away.</source>
        <translation>%1（%2 %3）：共 %4 人；已转移 %5 人，待转移 %6 人，拒绝 %7 人，外出 %8 人。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="140"/>
        <source>What happened:</source>
        <translation>转移情况：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="142"/>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="143"/>
        <source>How many:</source>
        <translation>人数：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="148"/>
        <source>Shelter:</source>
        <translation>安置场所：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="150"/>
        <source>Why they refuse (required)</source>
        <translation>拒绝转移的原因（必填）</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="151"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="153"/>
        <source>Name and post of who ordered it</source>
        <translation>批准人姓名和职务</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="154"/>
        <source>Authorised by:</source>
        <translation>批准人：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="178"/>
        <location filename="../../ui/transfers/dialogs.py" line="188"/>
        <source>Nobody of this record can go to this state.</source>
        <translation>该户没有人员可以登记为此状态。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="190"/>
        <source>Choose the shelter from the list.</source>
        <translation>请从列表中选择安置场所。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="192"/>
        <source>Say why they refuse.</source>
        <translation>请填写拒绝转移的原因。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="194"/>
        <source>Say who authorised the forced transfer.</source>
        <translation>请填写强制转移的批准人。</translation>
    </message>
</context>
<context>
    <name>StatusForm</name>
    <message>
        <location filename="../../ui/teams/forms.py" line="459"/>
        <source>Change the status of %1</source>
        <translation>变更 %1 的状态</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="462"/>
        <source>%1 since %2</source>
        <translation>%1（自 %2 起）</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="446"/>
        <source>Status now</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="281"/>
        <source>Step of the plan&apos;s life</source>
        <translation>预案状态流转</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="284"/>
        <source>%1 %2 is now: %3.</source>
        <translation>%1 %2 当前状态：%3。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="293"/>
        <location filename="../../ui/teams/forms.py" line="448"/>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="295"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="296"/>
        <source>Person</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="296"/>
        <source>Who did it (reviewer, signer …)</source>
        <translation>经办人（评审专家、签发人等）</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="297"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="449"/>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="449"/>
        <source>Such as 城东镇江滨村村委会</source>
        <translation>如 城东镇江滨村村委会</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="450"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="450"/>
        <source>Such as 台风防御Ⅳ级响应, 预置待命</source>
        <translation>如 台风防御Ⅳ级响应，预置待命</translation>
    </message>
</context>
<context>
    <name>StockFromPointPanel</name>
    <message>
        <location filename="../../ui/supplies/from_point.py" line="71"/>
        <source>The nearest stock of an item from a point: click the map with the crosshair tool, or type LON,LAT. Open warehouses by straight-line distance, available stock only (not expired, not in transit).</source>
        <translation>查询离某点最近的物资库存：用十字准星工具在地图上点选位置，或输入“经度,纬度”。按直线距离列出开放的仓库，只计可用库存（未过期、不在途）。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/from_point.py" line="80"/>
        <source>Crosshair on the map, or LON,LAT</source>
        <translation>地图上十字准星点选，或输入经度,纬度</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/from_point.py" line="81"/>
        <source>Name, pinyin or code</source>
        <translation>名称、拼音首字母或编码</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/from_point.py" line="83"/>
        <source>How many</source>
        <translation>需要数量</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/from_point.py" line="84"/>
        <source>From</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/from_point.py" line="85"/>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/from_point.py" line="86"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/from_point.py" line="89"/>
        <source>Village stores too</source>
        <translation>含村级储备点</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/from_point.py" line="90"/>
        <source>A village store holds its village&apos;s standard kit.</source>
        <translation>村级储备点存放的是本村的标准配备物资。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/from_point.py" line="91"/>
        <source>Find (Enter)</source>
        <translation>查找（回车）</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/from_point.py" line="108"/>
        <source>Enter or a double-click shows the warehouse on the map.</source>
        <translation>回车或双击在地图上显示该仓库。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/from_point.py" line="167"/>
        <source>Choose an item of the catalogue.</source>
        <translation>请选择物资目录中的物资。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/from_point.py" line="174"/>
        <source>Click the map with the crosshair tool, or type a point as LON,LAT.</source>
        <translation>请用十字准星工具在地图上点选位置，或按“经度,纬度”输入。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/from_point.py" line="184"/>
        <source>Looking ...</source>
        <translation>正在查找……</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/from_point.py" line="220"/>
        <source>No open warehouse holds %1 available.</source>
        <translation>没有开放的仓库存有可用的%1。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/from_point.py" line="225"/>
        <source>%1 %2 of %3: enough from the nearest %4 warehouse(s).</source>
        <translation>%3 %1 %2：由最近的 %4 个仓库即可调足。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/from_point.py" line="233"/>
        <source>%1 %2 of %3: the open warehouses listed are %4 %2 short.</source>
        <translation>%3 %1 %2：所列开放仓库合计仍缺 %4 %2。</translation>
    </message>
</context>
<context>
    <name>Supplies</name>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="24"/>
        <source>County warehouse</source>
        <translation>县级仓库</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="25"/>
        <source>Town warehouse</source>
        <translation>乡镇仓库</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="26"/>
        <source>Village store</source>
        <translation>村级储备点</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="27"/>
        <source>Agreement storage</source>
        <translation>协议代储</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="30"/>
        <source>Lifesaving</source>
        <translation>生命救助</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="31"/>
        <source>Flood-fighting materials</source>
        <translation>抢险物料</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="32"/>
        <source>Drainage</source>
        <translation>排涝</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="33"/>
        <source>Power and lighting</source>
        <translation>电力照明</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="34"/>
        <source>Shelter and living</source>
        <translation>安置生活</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="35"/>
        <source>Communications</source>
        <translation>通信</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="36"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="52"/>
        <source>A GB/T 38565-2020 code has 7 digits (1+2+2+2), the first 1, 2 or 3, such as 2010101.</source>
        <translation>GB/T 38565-2020 编码为 7 位数字（1+2+2+2），首位为 1、2 或 3，例如 2010101。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="59"/>
        <source>A level of a GB/T 38565-2020 code follows a level left at 00.</source>
        <translation>GB/T 38565-2020 编码中，某一级为 00 时其后各级也应为 00。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="128"/>
        <source>Unknown warehouse level: %1</source>
        <translation>未知的仓库级别：%1</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="134"/>
        <source>Agreement storage names the supplier that keeps the goods.</source>
        <translation>协议代储须填写代储单位。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="143"/>
        <source>Give the warehouse&apos;s code.</source>
        <translation>请填写仓库编码。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="149"/>
        <source>Give the warehouse&apos;s name.</source>
        <translation>请填写仓库名称。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="176"/>
        <source>The code %1 is another warehouse&apos;s.</source>
        <translation>编码 %1 已被其他仓库使用。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="177"/>
        <location filename="../../models/supplies/imports.py" line="224"/>
        <source>The name %1 is another warehouse&apos;s.</source>
        <translation>名称 %1 已被其他仓库使用。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="187"/>
        <location filename="../../models/supplies/counts.py" line="131"/>
        <location filename="../../models/supplies/ledger.py" line="124"/>
        <source>This warehouse no longer exists.</source>
        <translation>该仓库已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="273"/>
        <source>%1 is not in the imported GB/T 38565-2020 class table (import item-classes).</source>
        <translation>%1 不在已导入的 GB/T 38565-2020 分类代码表中（import item-classes）。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="288"/>
        <location filename="../../models/supplies/imports.py" line="326"/>
        <source>A rating is a positive number, such as 500 (m³/h) or 30 (kW).</source>
        <translation>额定值应为正数，例如 500（m³/h）或 30（kW）。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="296"/>
        <source>Give the rating&apos;s unit, such as kW.</source>
        <translation>请填写额定值的单位，例如 kW。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="304"/>
        <source>A shelf life is a whole number of days.</source>
        <translation>保质期应为整数天数。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="311"/>
        <source>Give the item&apos;s code.</source>
        <translation>请填写物资编码。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="317"/>
        <source>Give the item&apos;s name.</source>
        <translation>请填写物资名称。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="323"/>
        <source>Unknown category: %1</source>
        <translation>未知的物资类别：%1</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="330"/>
        <source>Give the unit, such as 件 or 台.</source>
        <translation>请填写计量单位，例如件或台。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="353"/>
        <source>The code %1 is another item&apos;s.</source>
        <translation>编码 %1 已被其他物资使用。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="359"/>
        <location filename="../../models/supplies/kit.py" line="64"/>
        <location filename="../../models/supplies/ledger.py" line="269"/>
        <location filename="../../models/supplies/nearby.py" line="283"/>
        <source>This item no longer exists.</source>
        <translation>该物资已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/catalogue.py" line="371"/>
        <location filename="../../models/supplies/imports.py" line="360"/>
        <source>The item&apos;s movements are counted in %1: its unit cannot change.</source>
        <translation>该物资的出入库记录以“%1”计量，不能更改单位。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/corrections.py" line="34"/>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <location filename="../../models/supplies/corrections.py" line="35"/>
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location filename="../../models/supplies/corrections.py" line="36"/>
        <location filename="../../ui/supplies/page.py" line="64"/>
        <location filename="../../ui/supplies/page.py" line="77"/>
        <location filename="../../ui/supplies/page.py" line="87"/>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../models/supplies/corrections.py" line="76"/>
        <location filename="../../models/supplies/entry.py" line="256"/>
        <location filename="../../models/supplies/ledger.py" line="542"/>
        <source>This issue no longer exists.</source>
        <translation>该出库记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/corrections.py" line="82"/>
        <location filename="../../models/supplies/corrections.py" line="196"/>
        <location filename="../../models/supplies/entry.py" line="251"/>
        <source>List the goods.</source>
        <translation>请列出物资。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/corrections.py" line="95"/>
        <source>Only %1 of this batch of the issue are still out; given %2.</source>
        <translation>该出库单的此批次仅有 %1 未归还，填写的是 %2。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/corrections.py" line="157"/>
        <source>Say whether lost, damaged or expired.</source>
        <translation>请选择丢失、损坏或过期。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/corrections.py" line="162"/>
        <source>Give the reason of the write-off.</source>
        <translation>请填写报损原因。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/corrections.py" line="211"/>
        <source>The warehouse holds only %1 of this batch; given %2.</source>
        <translation>该仓库此批次仅有 %1，填写的是 %2。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/corrections.py" line="241"/>
        <location filename="../../models/supplies/counts.py" line="363"/>
        <source>A counted quantity is zero or more, at most three decimals.</source>
        <translation>盘点数量应为零或正数，最多三位小数。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/corrections.py" line="248"/>
        <source>Give the reason of the adjustment.</source>
        <translation>请填写盘点调整原因。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/corrections.py" line="260"/>
        <location filename="../../models/supplies/counts.py" line="386"/>
        <source>This batch no longer exists.</source>
        <translation>该批次已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/imports.py" line="143"/>
        <source>%1 appears more than once (rows %2).</source>
        <translation>%1 重复出现（第 %2 行）。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/imports.py" line="182"/>
        <location filename="../../models/supplies/imports.py" line="314"/>
        <source>Write 是 or 否.</source>
        <translation>请填写“是”或“否”。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/imports.py" line="191"/>
        <source>No division has the code %1.</source>
        <translation>没有区划代码为 %1 的区划。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/imports.py" line="306"/>
        <source>Write a shelf life as 365, 365天, 18个月 or 5年.</source>
        <translation>保质期请写作 365、365天、18个月或5年。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/imports.py" line="450"/>
        <source>No warehouse has the code or name %1: import the warehouses first.</source>
        <translation>没有编码或名称为 %1 的仓库：请先导入仓库。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/imports.py" line="463"/>
        <location filename="../../models/supplies/ledger.py" line="129"/>
        <source>The warehouse %1 is closed: it takes no goods.</source>
        <translation>仓库 %1 已停用，不能入库。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/imports.py" line="477"/>
        <source>No item of the catalogue has the code or name %1: import the catalogue first.</source>
        <translation>物资目录中没有编码或名称为 %1 的物资：请先导入物资目录。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/imports.py" line="495"/>
        <source>Not a date: write it as 2026-08-01 or 2026年8月1日.</source>
        <translation>不是日期：请写作 2026-08-01 或 2026年8月1日。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/imports.py" line="505"/>
        <location filename="../../models/supplies/ledger.py" line="338"/>
        <source>The expiry date lies before the production date.</source>
        <translation>有效期早于生产日期。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/imports.py" line="512"/>
        <location filename="../../models/supplies/imports.py" line="516"/>
        <source>Not plausible.</source>
        <translation>数值不合常理。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/imports.py" line="523"/>
        <source>Too long: at most 40 characters.</source>
        <translation>过长：最多 40 个字符。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/imports.py" line="549"/>
        <source>Not a quantity: write it as 50, 50件 or 1.2万条.</source>
        <translation>不是数量：请写作 50、50件或1.2万条。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/imports.py" line="557"/>
        <source>Give the quantity.</source>
        <translation>请填写数量。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/imports.py" line="566"/>
        <location filename="../../models/supplies/ledger.py" line="256"/>
        <source>Not plausible: more than %1.</source>
        <translation>数值不合常理：超过 %1。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/imports.py" line="576"/>
        <location filename="../../models/supplies/kit.py" line="75"/>
        <location filename="../../models/supplies/ledger.py" line="245"/>
        <source>A quantity is a positive number with at most three decimals.</source>
        <translation>数量应为正数，最多三位小数。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/imports.py" line="589"/>
        <source>The catalogue counts %1 in %2, the file in %3: convert the quantity to %2.</source>
        <translation>物资目录中%1以“%2”计量，文件中为“%3”：请将数量换算为“%2”。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/ledger.py" line="329"/>
        <source>List what came in.</source>
        <translation>请列出入库物资。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/ledger.py" line="399"/>
        <source>%1 has only %2 %3 of %4 available; asked for %5 %3.</source>
        <translation>%1的%4可用仅 %2 %3，申领 %5 %3。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/ledger.py" line="430"/>
        <source>The chosen batch of %1 has expired: it is not issued.</source>
        <translation>所选%1批次已过期，不能出库。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/ledger.py" line="475"/>
        <source>List what goes out.</source>
        <translation>请列出出库物资。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/ledger.py" line="487"/>
        <source>Name the leader who ordered the issue (先调后补).</source>
        <translation>请填写下达调用指令的领导（先调后补）。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/ledger.py" line="498"/>
        <source>Goods leave on a leader&apos;s word only during an event: start one first.</source>
        <translation>只有在事件处置期间才能凭领导指令先行出库：请先启动事件。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/ledger.py" line="508"/>
        <source>Name who takes the goods.</source>
        <translation>请填写领用单位或领用人。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/ledger.py" line="545"/>
        <source>The paperwork of this issue is complete.</source>
        <translation>该出库单手续已补齐。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/slips.py" line="62"/>
        <source>No movement has this number.</source>
        <translation>没有该编号的出入库记录。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/stock.py" line="244"/>
        <source>%1: %2 %3 of %4 available, minimum %5.</source>
        <translation>%1：%4可用 %2 %3，低于最低储备 %5。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/stock.py" line="262"/>
        <source>%1: %2 %3 of %4 expire within %5 days.</source>
        <translation>%1：%4有 %2 %3 将在 %5 天内到期。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/stock.py" line="280"/>
        <source>%1: %2 %3 of %4 have expired (not available).</source>
        <translation>%1：%4有 %2 %3 已过期（不可用）。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/stock.py" line="300"/>
        <source>A minimum is zero or more.</source>
        <translation>最低储备量应为零或正数。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/transfers.py" line="100"/>
        <source>A transfer goes to another warehouse.</source>
        <translation>调拨须调往另一个仓库。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/transfers.py" line="104"/>
        <source>List what is sent.</source>
        <translation>请列出调出物资。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/transfers.py" line="189"/>
        <source>This transfer no longer exists.</source>
        <translation>该调拨单已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/transfers.py" line="194"/>
        <source>This transfer has been received already.</source>
        <translation>该调拨单已签收。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/transfers.py" line="219"/>
        <source>A quantity is zero or more, at most three decimals.</source>
        <translation>数量应为零或正数，最多三位小数。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/transfers.py" line="231"/>
        <source>Received, returned and lost must add up to the %1 sent (given %2).</source>
        <translation>实收、退回与途损之和应等于发出的 %1（填写合计 %2）。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/transfers.py" line="244"/>
        <source>Say what became of the goods lost on the way.</source>
        <translation>请说明途中损失物资的情况。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/transfers.py" line="252"/>
        <source>A line is not of this transfer.</source>
        <translation>有一行不属于该调拨单。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="62"/>
        <source>Below minimum</source>
        <translation>低于最低储备</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="63"/>
        <location filename="../../ui/supplies/page.py" line="76"/>
        <source>Expiring soon</source>
        <translation>临近到期</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="67"/>
        <source>Alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="68"/>
        <location filename="../../ui/supplies/page.py" line="81"/>
        <location filename="../../ui/supplies/page.py" line="93"/>
        <location filename="../../ui/supplies/page.py" line="107"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="69"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="72"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="73"/>
        <location filename="../../ui/supplies/page.py" line="83"/>
        <location filename="../../ui/supplies/page.py" line="109"/>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="74"/>
        <location filename="../../ui/supplies/page.py" line="84"/>
        <location filename="../../ui/supplies/page.py" line="111"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="75"/>
        <location filename="../../ui/supplies/page.py" line="85"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="78"/>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="82"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="86"/>
        <source>Minimum</source>
        <translation>最低储备</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="88"/>
        <source>Sent, in transit</source>
        <translation>调出在途</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="89"/>
        <source>Coming, in transit</source>
        <translation>调入在途</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="92"/>
        <location filename="../../ui/supplies/page.py" line="106"/>
        <source>Issued</source>
        <translation>出库时间</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="94"/>
        <source>Slip</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="95"/>
        <source>Ordered by</source>
        <translation>指令领导</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="96"/>
        <location filename="../../ui/supplies/page.py" line="108"/>
        <source>Taken by</source>
        <translation>领用单位</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="99"/>
        <source>Sent</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="100"/>
        <source>From</source>
        <translation>调出仓库</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="101"/>
        <source>To</source>
        <translation>调入仓库</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="102"/>
        <source>Goods</source>
        <translation>物资</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="103"/>
        <source>Vehicle and driver</source>
        <translation>车辆及驾驶员</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="110"/>
        <source>Out</source>
        <translation>未归还</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="115"/>
        <source>Town</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="116"/>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="119"/>
        <source>Missing from the kit (held/required)</source>
        <translation>缺少的标准配备（现有/应配）</translation>
    </message>
    <message>
        <location filename="../../models/supplies/class_import.py" line="68"/>
        <source>The class %1 appears more than once (rows %2).</source>
        <translation>分类 %1 出现多次（第 %2 行）。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/class_import.py" line="87"/>
        <source>A GB/T 38565-2020 class code has 1, 3, 5 or 7 digits (levels 1+2+2+2), such as 2 or 2010100.</source>
        <translation>GB/T 38565-2020 分类代码为 1、3、5 或 7 位数字（各层 1+2+2+2），如 2 或 2010100。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/class_import.py" line="101"/>
        <source>Give the name.</source>
        <translation>请填写名称。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/class_import.py" line="116"/>
        <source>The class one level up, %1, is neither in the file nor held.</source>
        <translation>上一层分类 %1 既不在文件中，也未导入过。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/class_import.py" line="146"/>
        <source>%1 items of the catalogue carry codes the table does not hold (such as %2): correct them in the catalogue.</source>
        <translation>物资目录中有 %1 种物资的国标编码不在此表中（如 %2）：请在物资目录中更正。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/counts.py" line="120"/>
        <source>No warehouse is named or coded %1.</source>
        <translation>没有名称或编码为 %1 的仓库。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/counts.py" line="184"/>
        <source>%1 is no counted quantity: zero or more, at most three decimals.</source>
        <translation>%1 不是有效的实盘数量：应为零或正数，最多三位小数。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/counts.py" line="226"/>
        <source>No item of the catalogue has the code %1.</source>
        <translation>物资目录中没有编码为 %1 的物资。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/counts.py" line="243"/>
        <source>The warehouse holds no %1 on its books: name the lot.</source>
        <translation>该仓库账面上没有 %1：请写明批号。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/counts.py" line="255"/>
        <source>%1 is held in several lots (%2): name the lot, as %1/LOT.</source>
        <translation>%1 存放有多个批次（%2）：请写明批号，如 %1/批号。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/counts.py" line="279"/>
        <source>No single batch of %1 has the lot %2.</source>
        <translation>%1 没有批号为 %2 的批次。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/counts.py" line="287"/>
        <source>Several batches of %1 have the lot %2.</source>
        <translation>%1 有多个批次的批号都是 %2。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/counts.py" line="349"/>
        <source>List what was counted.</source>
        <translation>请列出盘点的物资。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/counts.py" line="372"/>
        <source>A batch is counted once in a count.</source>
        <translation>一次盘点中同一批次只能登记一次。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/counts.py" line="402"/>
        <source>Give the reason of the differences.</source>
        <translation>请填写盘点差异的原因。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/counts.py" line="482"/>
        <source>No count has this number.</source>
        <translation>没有这个编号的盘点。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/entry.py" line="276"/>
        <source>Only %1 of %2 of this issue are still out; given %3.</source>
        <translation>该出库单的%2仅有 %1 未归还；填写了 %3。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/nearby.py" line="196"/>
        <source>No item of the catalogue is %1.</source>
        <translation>物资目录中没有“%1”。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/nearby.py" line="203"/>
        <source>%1 names several items: %2. Give the code.</source>
        <translation>“%1”对应多种物资：%2。请填写编码。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/nearby.py" line="227"/>
        <source>No village or town is named %1.</source>
        <translation>没有名为“%1”的村或乡镇。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/nearby.py" line="235"/>
        <source>%1 names several villages: %2. Give the code.</source>
        <translation>“%1”对应多个村：%2。请填写代码。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/nearby.py" line="249"/>
        <source>%1 has no outline on the map.</source>
        <translation>%1 在地图上没有边界。</translation>
    </message>
    <message>
        <location filename="../../models/supplies/nearby.py" line="389"/>
        <source>A point is LON,LAT in degrees, such as 121.38,28.37. %1</source>
        <translation>坐标点应写作“经度,纬度”（度），如 121.38,28.37。%1</translation>
    </message>
    <message>
        <location filename="../../models/supplies/reports.py" line="24"/>
        <source>County level</source>
        <translation>县级</translation>
    </message>
    <message>
        <location filename="../../models/supplies/reports.py" line="58"/>
        <source>No town is named or coded %1.</source>
        <translation>没有名称或代码为“%1”的乡镇（街道）。</translation>
    </message>
</context>
<context>
    <name>SuppliesPage</name>
    <message>
        <location filename="../../ui/supplies/page.py" line="137"/>
        <source>Supplies</source>
        <translation>应急物资</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="140"/>
        <source>Warehouses</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="141"/>
        <location filename="../../ui/supplies/page.py" line="160"/>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="142"/>
        <location filename="../../ui/supplies/page.py" line="170"/>
        <source>Paperwork pending</source>
        <translation>待补手续</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="143"/>
        <location filename="../../ui/supplies/page.py" line="171"/>
        <source>Transfers in transit</source>
        <translation>在途调拨</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="144"/>
        <location filename="../../ui/supplies/page.py" line="172"/>
        <source>Out on loan</source>
        <translation>借出未还</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="161"/>
        <source>Below minimum, expiring, expired</source>
        <translation>低于最低储备、临期、过期</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="163"/>
        <source>Stock by item</source>
        <translation>按物资汇总</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="163"/>
        <source>By item</source>
        <translation>按物资汇总</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="167"/>
        <source>By warehouse</source>
        <translation>按仓库库存</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="168"/>
        <source>Stock by warehouse</source>
        <translation>按仓库库存</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="170"/>
        <source>Paperwork</source>
        <translation>待补手续</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="171"/>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="172"/>
        <source>On loan</source>
        <translation>借出未还</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="173"/>
        <source>Village kits incomplete</source>
        <translation>村级配备不全</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="173"/>
        <source>Kit gaps</source>
        <translation>村级配备不全</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="183"/>
        <source>Stock count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="183"/>
        <source>Count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="185"/>
        <source>To Excel…</source>
        <translation>导出库存（Excel）…</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="186"/>
        <source>Export stock to Excel…</source>
        <translation>导出库存（Excel）…</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="194"/>
        <source>No warehouse is registered yet. Import the warehouses, the catalogue and the opening stock (import warehouses, import items, import stock), or build the demo county.</source>
        <translation>尚未登记仓库。请导入仓库、物资目录和期初库存（import warehouses、import items、import stock），或生成演示县。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="214"/>
        <source>Stock report…</source>
        <translation>打印库存报表…</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="215"/>
        <source>Kit report…</source>
        <translation>打印配备达标情况…</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="264"/>
        <source>%1 items</source>
        <translation>物资 %1 种</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="265"/>
        <source>%1 below minimum</source>
        <translation>%1 项低于最低储备</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="267"/>
        <source>issued on a leader&apos;s word</source>
        <translation>凭领导指令先行出库</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="269"/>
        <source>available at neither end</source>
        <translation>两端均不计入可用</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/page.py" line="270"/>
        <source>returnable items issued</source>
        <translation>需归还物资已出库</translation>
    </message>
</context>
<context>
    <name>SupplyCount</name>
    <message>
        <location filename="../../ui/supplies/count.py" line="58"/>
        <source> (expired)</source>
        <translation>（已过期）</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="75"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="76"/>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="77"/>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="78"/>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="79"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="80"/>
        <source>On the books</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="81"/>
        <source>Counted</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="82"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="85"/>
        <source>Counted at</source>
        <translation>盘点时间</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="86"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="87"/>
        <source>Who counted</source>
        <translation>盘点人</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="88"/>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="89"/>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="90"/>
        <source>Differences</source>
        <translation>差异行数</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="91"/>
        <source>Slip</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/count.py" line="92"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>SupplyExport</name>
    <message>
        <location filename="../../models/exports/supplies.py" line="113"/>
        <source>Stock by warehouse (%1)</source>
        <translation>应急物资库存（按仓库，%1）</translation>
    </message>
    <message>
        <location filename="../../models/exports/supplies.py" line="146"/>
        <source>County stock by item (%1)</source>
        <translation>全县应急物资库存（按物资，%1）</translation>
    </message>
</context>
<context>
    <name>SupplyMovements</name>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="99"/>
        <source>Recorded: slip %1.</source>
        <translation>已登记：单号 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="117"/>
        <source>Choose a warehouse from the list: type its name or code.</source>
        <translation>请从列表中选择仓库：输入名称或编码。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="128"/>
        <source>Warehouse receiving the goods</source>
        <translation>入库仓库</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="130"/>
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="133"/>
        <source>Expiry: none</source>
        <translation>有效期：无</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="136"/>
        <source>Expiry date (— none; from the shelf life if produced)</source>
        <translation>有效期至（— 表示无；有生产日期时按保质期计算）</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="141"/>
        <location filename="../../ui/supplies/movement_forms.py" line="192"/>
        <location filename="../../ui/supplies/movement_forms.py" line="444"/>
        <location filename="../../ui/supplies/movement_forms.py" line="642"/>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="142"/>
        <location filename="../../ui/supplies/movement_forms.py" line="193"/>
        <location filename="../../ui/supplies/movement_forms.py" line="644"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="146"/>
        <source>Supplier or where it came from</source>
        <translation>供货单位或来源</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="148"/>
        <location filename="../../ui/supplies/movement_forms.py" line="266"/>
        <source>Reason, document</source>
        <translation>事由、依据文件</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="149"/>
        <location filename="../../ui/supplies/movement_forms.py" line="209"/>
        <location filename="../../ui/supplies/movement_forms.py" line="640"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="150"/>
        <location filename="../../ui/supplies/movement_forms.py" line="210"/>
        <location filename="../../ui/supplies/movement_forms.py" line="458"/>
        <source>Goods</source>
        <translation>物资</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="152"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="189"/>
        <source>Warehouse issuing the goods</source>
        <translation>出库仓库</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="196"/>
        <source>Who takes the goods</source>
        <translation>领用单位或领用人</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="199"/>
        <source>Reason, where they go</source>
        <translation>事由、用往何处</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="202"/>
        <source>On a leader&apos;s word, slip to follow (先调后补)</source>
        <translation>凭领导指令先行出库，手续后补（先调后补）</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="207"/>
        <source>Leader who ordered it</source>
        <translation>下达指令的领导</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="212"/>
        <location filename="../../ui/supplies/movement_forms.py" line="269"/>
        <source>Taken by</source>
        <translation>领用</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="242"/>
        <source>Issued on a leader&apos;s word: slip %1 stays on the pending list until completed.</source>
        <translation>已凭领导指令出库：单号 %1 列入待补手续清单，直至补齐。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="261"/>
        <source>Issue whose slip is pending</source>
        <translation>待补手续的出库单</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="264"/>
        <source>Who took the goods</source>
        <translation>领用单位或领用人</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="267"/>
        <location filename="../../ui/supplies/movement_forms.py" line="340"/>
        <source>Issue</source>
        <translation>出库单</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="279"/>
        <source>%1 %2 · %3 · ordered by %4 · %5</source>
        <translation>%1 %2 · %3 · 指令领导 %4 · %5</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="300"/>
        <source>Choose an issue from the pending list.</source>
        <translation>请从待补手续清单中选择出库单。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="312"/>
        <source>The slip of issue %1 is completed.</source>
        <translation>出库单 %1 手续已补齐。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="330"/>
        <source>Issue the goods come back from</source>
        <translation>归还物资所属的出库单</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="338"/>
        <source>Reason, condition of the goods</source>
        <translation>说明、物资状况</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="341"/>
        <source>Coming back</source>
        <translation>归还物资</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="343"/>
        <source>Not coming back: write them off the issue</source>
        <translation>无法归还：从该出库单中报损核销</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="348"/>
        <location filename="../../ui/supplies/movement_forms.py" line="452"/>
        <location filename="../../ui/supplies/movement_forms.py" line="466"/>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="362"/>
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="395"/>
        <source>of %1 out</source>
        <translation>（未归还 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="407"/>
        <source>Choose the issue the goods come back from.</source>
        <translation>请选择归还物资所属的出库单。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="436"/>
        <source>From warehouse</source>
        <translation>调出仓库</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="439"/>
        <source>To warehouse or forward point</source>
        <translation>调入仓库或前置点</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="441"/>
        <source>Requested</source>
        <translation>申请数量</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="445"/>
        <source>Sent</source>
        <translation>实发数量</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="448"/>
        <location filename="../../ui/supplies/movement_forms.py" line="460"/>
        <source>Transport</source>
        <translation>运输方式</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="449"/>
        <source>Vehicle plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="450"/>
        <source>Driver</source>
        <translation>驾驶员</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="451"/>
        <source>Driver&apos;s phone</source>
        <translation>驾驶员电话</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="454"/>
        <source>From, to</source>
        <translation>调出、调入</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="494"/>
        <source>Transfer sent: in transit, available at neither warehouse until received.</source>
        <translation>调拨已发出：在途期间两端仓库均不计入可用，签收后计入调入仓库。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="518"/>
        <source>Transfer in transit</source>
        <translation>在途调拨单</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="526"/>
        <source>Note on arrival; what became of losses</source>
        <translation>签收说明；途损情况</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="528"/>
        <source>Transfer</source>
        <translation>调拨单</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="529"/>
        <source>Arrived</source>
        <translation>到货</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="530"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="550"/>
        <source>%1: %2 %3 sent</source>
        <translation>%1：发出 %2 %3</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="562"/>
        <source>Received</source>
        <translation>实收</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="563"/>
        <source>Sent back</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="564"/>
        <source>Lost</source>
        <translation>途损</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="582"/>
        <source>%1 → %2 · sent %3 · %4</source>
        <translation>%1 → %2 · %3 发出 · %4</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="601"/>
        <source>Choose a transfer in transit.</source>
        <translation>请选择在途的调拨单。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="620"/>
        <source>Transfer received: the goods count at the receiving warehouse.</source>
        <translation>调拨已签收：物资计入调入仓库。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="648"/>
        <source>Reason of the write-off</source>
        <translation>报损原因</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="651"/>
        <source>Warehouse, item</source>
        <translation>仓库、物资</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="656"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="661"/>
        <source>Cause</source>
        <translation>报损类别</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="694"/>
        <source>lot %1 · expires %2 · %3 held</source>
        <translation>批号 %1 · 有效期至 %2 · 库存 %3</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="700"/>
        <source>%1 (expired)</source>
        <translation>%1（已过期）</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movement_forms.py" line="714"/>
        <source>Choose the item and the batch the warehouse holds.</source>
        <translation>请选择该仓库存有的物资及批次。</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movements.py" line="45"/>
        <source>Receipt (入库)</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movements.py" line="48"/>
        <source>Issue (出库)</source>
        <translation>出库</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movements.py" line="51"/>
        <source>Complete a slip (先调后补)</source>
        <translation>补办出库手续（先调后补）</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movements.py" line="54"/>
        <source>Return (归还)</source>
        <translation>归还入库</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movements.py" line="57"/>
        <source>Transfer (调拨)</source>
        <translation>调拨</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movements.py" line="62"/>
        <source>Receive a transfer</source>
        <translation>调拨签收</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movements.py" line="67"/>
        <source>Write-off (报损)</source>
        <translation>报损</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movements.py" line="232"/>
        <source>Movements</source>
        <translation>出入库登记</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/movements.py" line="234"/>
        <source>Record a movement</source>
        <translation>出入库登记</translation>
    </message>
</context>
<context>
    <name>SupplyNearest</name>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="54"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="55"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="56"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="57"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="58"/>
        <source>Ask of it</source>
        <translation>调用数量</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="59"/>
        <source>Manager</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="265"/>
        <source>Nearest</source>
        <translation>最近库存</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/nearest.py" line="266"/>
        <source>Nearest stock</source>
        <translation>最近库存</translation>
    </message>
</context>
<context>
    <name>TeamExport</name>
    <message>
        <location filename="../../models/exports/teams.py" line="143"/>
        <source>Rescue forces readiness (%1)</source>
        <translation>救援力量战备情况（%1）</translation>
    </message>
    <message>
        <location filename="../../models/exports/teams.py" line="190"/>
        <source>Expiring within %1 days</source>
        <translation>%1 天内到期</translation>
    </message>
</context>
<context>
    <name>TeamForm</name>
    <message>
        <location filename="../../ui/teams/forms.py" line="126"/>
        <source>Edit rescue team</source>
        <translation>编辑救援队伍</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="128"/>
        <source>New rescue team</source>
        <translation>新增救援队伍</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="131"/>
        <source>Team name</source>
        <translation>队伍名称</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="131"/>
        <source>Such as 城东镇综合应急救援队</source>
        <translation>如 城东镇综合应急救援队</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="133"/>
        <source>Class</source>
        <translation>队伍类别</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="142"/>
        <source>no grade</source>
        <translation>无等级</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="144"/>
        <source>grade %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="152"/>
        <source>Specialties</source>
        <translation>专业方向</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="154"/>
        <source>Home town or village</source>
        <translation>所属乡镇或村</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="158"/>
        <source>Coordinates from</source>
        <translation>坐标来源</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="159"/>
        <source>Base longitude</source>
        <translation>驻地经度</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="159"/>
        <source>Decimal degrees, such as 121.38</source>
        <translation>十进制度，如 121.38</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="160"/>
        <source>Base latitude</source>
        <translation>驻地纬度</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="160"/>
        <source>Decimal degrees, such as 28.37</source>
        <translation>十进制度，如 28.37</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="161"/>
        <source>Base address</source>
        <translation>驻地地址</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="162"/>
        <source>Leader</source>
        <translation>队长</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="163"/>
        <source>Leader&apos;s mobile</source>
        <translation>队长手机</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="164"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="165"/>
        <source>Contact&apos;s mobile</source>
        <translation>联系人手机</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="166"/>
        <source>Second contact</source>
        <translation>第二联系人</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="167"/>
        <source>Second contact&apos;s mobile</source>
        <translation>第二联系人手机</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="168"/>
        <source>Supervising unit</source>
        <translation>主管单位</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="169"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="247"/>
        <source>No town or village is registered as %1.</source>
        <translation>没有登记名为 %1 的乡镇或村。</translation>
    </message>
</context>
<context>
    <name>TeamForms</name>
    <message>
        <location filename="../../ui/teams/forms.py" line="59"/>
        <source>WGS84 / CGCS2000 (GPS, survey)</source>
        <translation>WGS84 / CGCS2000（GPS、测绘）</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="60"/>
        <source>GCJ-02 (Amap, Tencent maps)</source>
        <translation>GCJ-02（高德、腾讯地图）</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="61"/>
        <source>BD-09 (Baidu maps)</source>
        <translation>BD-09（百度地图）</translation>
    </message>
    <message>
        <location filename="../../ui/teams/forms.py" line="97"/>
        <source>Not a date: write it as 2025-06-30, 2025.6.30, 2025/06/30 or 2025年6月30日.</source>
        <translation>不是日期：请写成 2025-06-30、2025.6.30、2025/06/30 或 2025年6月30日。</translation>
    </message>
</context>
<context>
    <name>Teams</name>
    <message>
        <location filename="../../models/teams/experts.py" line="77"/>
        <location filename="../../models/teams/experts.py" line="96"/>
        <source>Unknown field of experts: %1</source>
        <translation>未知的专家领域：%1</translation>
    </message>
    <message>
        <location filename="../../models/teams/experts.py" line="104"/>
        <source>%1 is not a second-level field of this field; configured: %2.</source>
        <translation>%1 不是该领域的二级分类；已设置的有：%2。</translation>
    </message>
    <message>
        <location filename="../../models/teams/experts.py" line="118"/>
        <source>The appointment ends before it starts.</source>
        <translation>聘期结束早于开始。</translation>
    </message>
    <message>
        <location filename="../../models/teams/experts.py" line="125"/>
        <source>Give the expert&apos;s name.</source>
        <translation>请填写专家姓名。</translation>
    </message>
    <message>
        <location filename="../../models/teams/experts.py" line="156"/>
        <source>This expert of this organisation is registered.</source>
        <translation>该单位的这位专家已登记。</translation>
    </message>
    <message>
        <location filename="../../models/teams/experts.py" line="160"/>
        <source>This expert no longer exists.</source>
        <translation>该专家已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/teams/members.py" line="104"/>
        <source>Give the member&apos;s name.</source>
        <translation>请填写队员姓名。</translation>
    </message>
    <message>
        <location filename="../../models/teams/members.py" line="117"/>
        <source>Unknown post: %1</source>
        <translation>未知的职务：%1</translation>
    </message>
    <message>
        <location filename="../../models/teams/members.py" line="122"/>
        <source>Unknown member status: %1</source>
        <translation>未知的人员状态：%1</translation>
    </message>
    <message>
        <location filename="../../models/teams/members.py" line="146"/>
        <location filename="../../models/teams/members.py" line="378"/>
        <source>Give the certificate&apos;s name or kind.</source>
        <translation>请填写证书名称或种类。</translation>
    </message>
    <message>
        <location filename="../../models/teams/members.py" line="155"/>
        <location filename="../../models/teams/members.py" line="411"/>
        <source>Give the date the insurance ends.</source>
        <translation>请填写保险截止日期。</translation>
    </message>
    <message>
        <location filename="../../models/teams/members.py" line="160"/>
        <location filename="../../models/teams/members.py" line="415"/>
        <source>The insurance ends before it starts.</source>
        <translation>保险截止日期早于起始日期。</translation>
    </message>
    <message>
        <location filename="../../models/teams/members.py" line="256"/>
        <location filename="../../models/teams/teams.py" line="189"/>
        <location filename="../../models/teams/teams.py" line="269"/>
        <location filename="../../models/teams/teams.py" line="383"/>
        <location filename="../../models/teams/teams.py" line="481"/>
        <location filename="../../models/teams/teams.py" line="578"/>
        <source>This team no longer exists.</source>
        <translation>该队伍已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/teams/members.py" line="269"/>
        <location filename="../../models/teams/members.py" line="300"/>
        <source>This identity number is registered for %1.</source>
        <translation>该身份证号码已登记为 %1。</translation>
    </message>
    <message>
        <location filename="../../models/teams/members.py" line="285"/>
        <location filename="../../models/teams/members.py" line="383"/>
        <location filename="../../models/teams/members.py" line="421"/>
        <source>This member no longer exists.</source>
        <translation>该队员已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/teams/members.py" line="393"/>
        <source>This certificate is recorded already.</source>
        <translation>该证书已登记。</translation>
    </message>
    <message>
        <location filename="../../models/teams/members.py" line="430"/>
        <source>This policy is recorded already.</source>
        <translation>该保单已登记。</translation>
    </message>
    <message>
        <location filename="../../models/teams/nearest.py" line="63"/>
        <source>This place has no outline on the map.</source>
        <translation>该地点在地图上没有边界。</translation>
    </message>
    <message>
        <location filename="../../models/teams/nearest.py" line="106"/>
        <source>Not available: %1</source>
        <translation>不可调用：%1</translation>
    </message>
    <message>
        <location filename="../../models/teams/nearest.py" line="117"/>
        <source>No base location on the map</source>
        <translation>地图上没有驻地位置</translation>
    </message>
    <message>
        <location filename="../../models/teams/nearest.py" line="157"/>
        <source>No deployable member (%1)</source>
        <translation>没有可出动的队员（%1）</translation>
    </message>
    <message>
        <location filename="../../models/teams/nearest.py" line="161"/>
        <source>No member on duty</source>
        <translation>没有在岗队员</translation>
    </message>
    <message>
        <location filename="../../models/teams/readiness.py" line="51"/>
        <location filename="../../models/teams/readiness.py" line="370"/>
        <source>No personal accident insurance</source>
        <translation>没有人身意外伤害保险</translation>
    </message>
    <message>
        <location filename="../../models/teams/readiness.py" line="54"/>
        <source>Accident insurance ended on %1</source>
        <translation>意外伤害保险已于 %1 到期</translation>
    </message>
    <message>
        <location filename="../../models/teams/readiness.py" line="59"/>
        <location filename="../../models/teams/readiness.py" line="375"/>
        <source>Lacks the certificate %1</source>
        <translation>缺少证书 %1</translation>
    </message>
    <message>
        <location filename="../../models/teams/readiness.py" line="62"/>
        <source>Certificate %1 expired on %2</source>
        <translation>证书 %1 已于 %2 过期</translation>
    </message>
    <message>
        <location filename="../../models/teams/readiness.py" line="372"/>
        <source>Accident insurance expired</source>
        <translation>意外伤害保险已过期</translation>
    </message>
    <message>
        <location filename="../../models/teams/readiness.py" line="377"/>
        <source>Certificate %1 expired</source>
        <translation>证书 %1 已过期</translation>
    </message>
    <message>
        <location filename="../../models/teams/readiness.py" line="425"/>
        <source>Accident insurance</source>
        <translation>意外伤害保险</translation>
    </message>
    <message>
        <location filename="../../models/teams/settings.py" line="97"/>
        <location filename="../../models/teams/teams.py" line="129"/>
        <source>Unknown team class: %1</source>
        <translation>未知的队伍类别：%1</translation>
    </message>
    <message>
        <location filename="../../models/teams/settings.py" line="104"/>
        <source>Give a whole number.</source>
        <translation>请填写整数。</translation>
    </message>
    <message>
        <location filename="../../models/teams/settings.py" line="119"/>
        <source>Give a speed from %1 km/h.</source>
        <translation>请填写 %1 公里/小时之间的速度。</translation>
    </message>
    <message>
        <location filename="../../models/teams/settings.py" line="138"/>
        <location filename="../../models/teams/teams.py" line="152"/>
        <source>Unknown specialty: %1</source>
        <translation>未知的专业：%1</translation>
    </message>
    <message>
        <location filename="../../models/teams/settings.py" line="165"/>
        <source>Give a road factor from %1.</source>
        <translation>请填写 %1 之间的道路系数。</translation>
    </message>
    <message>
        <location filename="../../models/teams/settings.py" line="175"/>
        <source>Give a whole number of days.</source>
        <translation>请填写整数天数。</translation>
    </message>
    <message>
        <location filename="../../models/teams/teams.py" line="122"/>
        <source>Give the team&apos;s name.</source>
        <translation>请填写队伍名称。</translation>
    </message>
    <message>
        <location filename="../../models/teams/teams.py" line="158"/>
        <source>A specialty&apos;s grade is 1, 2 or 3, not %1.</source>
        <translation>专业等级为 1、2 或 3 级，不能是 %1。</translation>
    </message>
    <message>
        <location filename="../../models/teams/teams.py" line="179"/>
        <source>A team named %1 is registered.</source>
        <translation>名为 %1 的队伍已登记。</translation>
    </message>
    <message>
        <location filename="../../models/teams/teams.py" line="185"/>
        <source>The home town or village no longer exists.</source>
        <translation>所在乡镇或村已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/teams/teams.py" line="352"/>
        <source>No team is registered as %1.</source>
        <translation>没有登记名为 %1 的队伍。</translation>
    </message>
    <message>
        <location filename="../../models/teams/teams.py" line="357"/>
        <source>%1 fits several teams: %2. Give the full name.</source>
        <translation>%1 对应多支队伍：%2。请填写全称。</translation>
    </message>
    <message>
        <location filename="../../models/teams/teams.py" line="389"/>
        <source>Unknown team status: %1</source>
        <translation>未知的队伍状态：%1</translation>
    </message>
    <message>
        <location filename="../../models/teams/teams.py" line="393"/>
        <source>The team already has this status.</source>
        <translation>队伍已是这个状态。</translation>
    </message>
    <message>
        <location filename="../../models/teams/teams.py" line="396"/>
        <source>Say why the status changes.</source>
        <translation>请说明状态变更的原因。</translation>
    </message>
    <message>
        <location filename="../../models/teams/teams.py" line="403"/>
        <source>The change cannot precede the team&apos;s last status change.</source>
        <translation>变更时间不能早于队伍上一次状态变更。</translation>
    </message>
    <message>
        <location filename="../../models/teams/teams.py" line="465"/>
        <source>Give the kind of equipment.</source>
        <translation>请填写装备种类。</translation>
    </message>
    <message>
        <location filename="../../models/teams/teams.py" line="471"/>
        <source>Give the count as a number.</source>
        <translation>请用数字填写数量。</translation>
    </message>
    <message>
        <location filename="../../models/teams/teams.py" line="477"/>
        <source>Unknown state of equipment: %1</source>
        <translation>未知的装备状态：%1</translation>
    </message>
    <message>
        <location filename="../../models/teams/teams.py" line="484"/>
        <source>This item no longer exists.</source>
        <translation>该装备已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/teams/teams.py" line="582"/>
        <source>%1 has no base location on the map.</source>
        <translation>%1 在地图上没有驻地位置。</translation>
    </message>
</context>
<context>
    <name>TeamsImport</name>
    <message>
        <location filename="../../models/teams/imports/common.py" line="80"/>
        <source>No team is named.</source>
        <translation>没有写明队伍。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/common.py" line="88"/>
        <source>No team named %1 is registered: import the teams first, or correct the name.</source>
        <translation>没有登记名为 %1 的队伍：请先导入救援队伍，或改正名称。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/common.py" line="95"/>
        <source>%1 could be any of several teams (%2): give the full name.</source>
        <translation>%1 可能是多支队伍中的任一支（%2）：请填写全称。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/common.py" line="109"/>
        <source>Not a date: write it as 2025-06-30, 2025.6.30, 2025/06/30 or 2025年6月30日.</source>
        <translation>不是日期：请写成 2025-06-30、2025.6.30、2025/06/30 或 2025年6月30日。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/experts.py" line="105"/>
        <source>The expert %1 appears more than once (rows %2).</source>
        <translation>专家 %1 出现了不止一次（第 %2 行）。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/experts.py" line="162"/>
        <source>Write the appointment period as 2024.1.1-2026.12.31.</source>
        <translation>请把聘期写成 2024.1.1-2026.12.31。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/experts.py" line="174"/>
        <source>Write 是 or 否.</source>
        <translation>请填写“是”或“否”。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/experts.py" line="195"/>
        <source>Give the field: 事故灾难, 自然灾害, 公共卫生, 社会安全 or 综合管理.</source>
        <translation>请填写专业领域：事故灾难、自然灾害、公共卫生、社会安全或综合管理。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/members.py" line="177"/>
        <source>The row names no team, and the roster gives none.</source>
        <translation>该行没有写明队伍，花名册也没有给出。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/members.py" line="218"/>
        <source>The roster names no team: give it in the title (某某救援队队员花名册), in a 所属队伍 column or with --team.</source>
        <translation>花名册没有写明队伍：请在标题（某某救援队队员花名册）、“所属队伍”列或 --team 中给出。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/members.py" line="239"/>
        <source> (--team)</source>
        <translation>（--team）</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/members.py" line="241"/>
        <source> (the title)</source>
        <translation>（标题）</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/members.py" line="267"/>
        <source>Write the sex as 男 or 女.</source>
        <translation>性别请写“男”或“女”。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/members.py" line="396"/>
        <source>One identity number under several names (%1), rows %2.</source>
        <translation>同一身份证号码对应多个姓名（%1），第 %2 行。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/members.py" line="413"/>
        <source>The same person appears more than once in one team (rows %1).</source>
        <translation>同一人在同一队伍中出现了不止一次（第 %1 行）。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/teams.py" line="86"/>
        <source>No town or street named %1 is registered.</source>
        <translation>没有登记名为 %1 的乡镇（街道）。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/teams.py" line="104"/>
        <source>No village or community named %1 is registered.</source>
        <translation>没有登记名为 %1 的村（社区）。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/teams.py" line="114"/>
        <source>Several villages are named %1: give the town.</source>
        <translation>有多个村名为 %1：请填写所在乡镇。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/teams.py" line="178"/>
        <source>The team %1 appears more than once (rows %2).</source>
        <translation>队伍 %1 出现了不止一次（第 %2 行）。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/teams.py" line="219"/>
        <source>Unknown team class: %1. Known: %2.</source>
        <translation>未知的队伍类别：%1。可用的有：%2。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/teams.py" line="232"/>
        <source>Give the team&apos;s class.</source>
        <translation>请填写队伍类别。</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/teams.py" line="244"/>
        <source>Unknown specialty: %1</source>
        <translation>未知的专业：%1</translation>
    </message>
    <message>
        <location filename="../../models/teams/imports/teams.py" line="254"/>
        <source>Write the grade as 一级, 二级 or 三级 (一级 highest).</source>
        <translation>等级请写一级、二级或三级（一级最高）。</translation>
    </message>
</context>
<context>
    <name>TeamsPage</name>
    <message>
        <location filename="../../ui/teams/page.py" line="84"/>
        <source>Rescue teams</source>
        <translation>救援队伍</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="90"/>
        <source>Search teams, towns, leaders, pinyin initials or phone digits</source>
        <translation>搜索队伍、乡镇、队长、拼音首字母或电话号码</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="92"/>
        <source>All classes</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="93"/>
        <source>All specialties</source>
        <translation>全部专业</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="94"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="110"/>
        <source>New team...</source>
        <translation>新增队伍…</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="111"/>
        <source>Edit team...</source>
        <translation>编辑队伍…</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="112"/>
        <source>Change status...</source>
        <translation>变更状态…</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="113"/>
        <source>Show reach on map</source>
        <translation>在地图上显示可达范围</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="115"/>
        <source>Draw on the map how far the team gets in 15 minutes from its base</source>
        <translation>在地图上画出队伍从驻地出发 15 分钟可到达的范围</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="131"/>
        <source>Add member...</source>
        <translation>新增队员…</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="132"/>
        <source>Edit member...</source>
        <translation>编辑队员…</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="133"/>
        <source>Record certificate...</source>
        <translation>登记证书…</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="134"/>
        <source>Record insurance...</source>
        <translation>登记保险…</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="143"/>
        <location filename="../../ui/teams/rows.py" line="318"/>
        <source>Members</source>
        <translation>队员</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="145"/>
        <source>Add equipment...</source>
        <translation>新增装备…</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="146"/>
        <source>Edit equipment...</source>
        <translation>编辑装备…</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="151"/>
        <location filename="../../ui/teams/rows.py" line="336"/>
        <source>Equipment</source>
        <translation>装备</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="153"/>
        <source>Status history</source>
        <translation>状态记录</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="157"/>
        <location filename="../../ui/teams/rows.py" line="359"/>
        <source>Teams</source>
        <translation>队伍</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="166"/>
        <source>Search members: name, pinyin initials, phone digits or identity number</source>
        <translation>搜索队员：姓名、拼音首字母、电话号码或身份证号码</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="174"/>
        <source>All members</source>
        <translation>全部队员</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="182"/>
        <source>Certificates and insurance expiring soon</source>
        <translation>即将到期的证书和保险</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="185"/>
        <location filename="../../ui/teams/rows.py" line="321"/>
        <source>Readiness</source>
        <translation>战备情况</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="188"/>
        <source>Experts</source>
        <translation>专家库</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="192"/>
        <source>No rescue team is registered yet. Import the teams (导入: 救援队伍), then their rosters (队员花名册) and the expert pool; or build the demo county.</source>
        <translation>尚未登记救援队伍。请先导入救援队伍，再导入各队队员花名册和专家库；或生成演示数据。</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="300"/>
        <source>%1 members</source>
        <translation>共 %1 名队员</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="302"/>
        <source>%1 of %2 members</source>
        <translation>%2 名队员中的 %1 名</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="318"/>
        <source>%1 teams, %2 members on duty, %3 deployable. %4 teams below their required size; %5 certificates or policies expire within %6 days; %7 items of equipment out of service.</source>
        <translation>共 %1 支队伍，在岗队员 %2 人，可出动 %3 人。%4 支队伍人数不足；%5 个证书或保单将在 %6 天内到期；%7 件装备故障停用。</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="333"/>
        <source>No water-rescue team reaches %1 villages within %2 minutes: %3</source>
        <translation>有 %1 个村在 %2 分钟内没有水域救援队伍能够到达：%3</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="340"/>
        <source>A water-rescue team reaches every village within %1 minutes.</source>
        <translation>每个村在 %1 分钟内都有水域救援队伍能够到达。</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="379"/>
        <source>%1 teams</source>
        <translation>共 %1 支队伍</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="381"/>
        <source>%1 of %2 teams</source>
        <translation>%2 支队伍中的 %1 支</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="409"/>
        <location filename="../../ui/teams/page.py" line="414"/>
        <source>The team is saved.</source>
        <translation>队伍已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="419"/>
        <source>The status change is recorded in the team&apos;s history.</source>
        <translation>状态变更已记入队伍的状态记录。</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="424"/>
        <location filename="../../ui/teams/page.py" line="432"/>
        <source>The member is saved.</source>
        <translation>队员已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="440"/>
        <source>The certificate is recorded.</source>
        <translation>证书已登记。</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="448"/>
        <source>The insurance policy is recorded.</source>
        <translation>保单已登记。</translation>
    </message>
    <message>
        <location filename="../../ui/teams/page.py" line="453"/>
        <location filename="../../ui/teams/page.py" line="461"/>
        <source>The equipment is saved.</source>
        <translation>装备已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="157"/>
        <source>below %1 members</source>
        <translation>不足 %1 人</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="164"/>
        <source>%1 not deployable</source>
        <translation>%1 人不可出动</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="171"/>
        <source>%1 items out of service</source>
        <translation>%1 件装备停用</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="183"/>
        <source>%1 (grade %2)</source>
        <translation>%1（%2级）</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="231"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="233"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="255"/>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="257"/>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="313"/>
        <location filename="../../ui/teams/rows.py" line="366"/>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="314"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="315"/>
        <source>Specialties</source>
        <translation>专业</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="316"/>
        <source>Town or village</source>
        <translation>乡镇或村</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="317"/>
        <location filename="../../ui/teams/rows.py" line="331"/>
        <location filename="../../ui/teams/rows.py" line="370"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="319"/>
        <source>Deployable</source>
        <translation>可出动</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="320"/>
        <source>Required</source>
        <translation>应有人数</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="322"/>
        <source>Leader</source>
        <translation>队长</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="323"/>
        <source>Leader&apos;s mobile</source>
        <translation>队长手机</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="326"/>
        <location filename="../../ui/teams/rows.py" line="348"/>
        <location filename="../../ui/teams/rows.py" line="358"/>
        <location filename="../../ui/teams/rows.py" line="365"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="327"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="328"/>
        <location filename="../../ui/teams/rows.py" line="367"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="329"/>
        <location filename="../../ui/teams/rows.py" line="368"/>
        <source>Identity number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="330"/>
        <location filename="../../ui/teams/rows.py" line="354"/>
        <location filename="../../ui/teams/rows.py" line="369"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="332"/>
        <source>Certificates (expiry)</source>
        <translation>证书（有效期）</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="333"/>
        <location filename="../../ui/teams/rows.py" line="371"/>
        <source>Insurance until</source>
        <translation>保险有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="337"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="338"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="341"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="342"/>
        <source>Change</source>
        <translation>状态变化</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="343"/>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="344"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="345"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="349"/>
        <source>Field</source>
        <translation>专业领域</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="350"/>
        <source>Group</source>
        <translation>二级分类</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="351"/>
        <source>Organisation</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="352"/>
        <source>Title</source>
        <translation>职称</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="353"/>
        <source>Appointed</source>
        <translation>聘期</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="355"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="360"/>
        <source>Certificate or insurance</source>
        <translation>证书或保险</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="361"/>
        <source>Expires</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/teams/rows.py" line="362"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
</context>
<context>
    <name>TownReportDialog</name>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="228"/>
        <source>Figures phoned in by a town</source>
        <translation>乡镇电话报送数</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="231"/>
        <source>Counted separately from the households on the lists: people the lists do not hold (fishermen back in port, workers on sites).</source>
        <translation>与清单内住户分开统计：清单未包含的人员（回港渔民、工地务工人员等）。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="238"/>
        <source>Town / street:</source>
        <translation>乡镇（街道）：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="240"/>
        <source>Who reported, by what means</source>
        <translation>报送人及报送方式</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="241"/>
        <source>Reported by:</source>
        <translation>报送人：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="245"/>
        <source>Figures as of:</source>
        <translation>数据截至：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="247"/>
        <source>People to move:</source>
        <translation>应转移：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="248"/>
        <source>Moved:</source>
        <translation>已转移：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="249"/>
        <source>In shelters:</source>
        <translation>集中安置：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="250"/>
        <source>With relatives:</source>
        <translation>投亲靠友：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="251"/>
        <source>Forcibly moved:</source>
        <translation>强制转移：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="252"/>
        <source>Refused:</source>
        <translation>拒绝转移：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="262"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="267"/>
        <source>Say who reported the figures.</source>
        <translation>请填写报送人。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="269"/>
        <source>The time of the figures cannot be in the future.</source>
        <translation>数据时间不能晚于现在。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="271"/>
        <source>The people moved cannot exceed the people to move.</source>
        <translation>已转移人数不能超过应转移人数。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/dialogs.py" line="274"/>
        <source>In shelters, with relatives and forcibly moved together cannot exceed the people moved.</source>
        <translation>集中安置、投亲靠友和强制转移之和不能超过已转移人数。</translation>
    </message>
</context>
<context>
    <name>TransferListsPanel</name>
    <message>
        <location filename="../../ui/transfers/lists.py" line="156"/>
        <source>Loading the transfer lists…</source>
        <translation>正在读取转移清单…</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="162"/>
        <source>Import a village&apos;s list…</source>
        <translation>导入村转移清单…</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="165"/>
        <source>Export a village&apos;s list…</source>
        <translation>导出村转移清单…</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="167"/>
        <source>Empty template…</source>
        <translation>空白模板…</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="169"/>
        <source>Print a village&apos;s list…</source>
        <translation>打印村转移清单…</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="171"/>
        <source>Print transfer cards…</source>
        <translation>打印转移卡…</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="173"/>
        <source>Print a village&apos;s situation map…</source>
        <translation>打印村级防汛形势图…</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="176"/>
        <source>村级防汛形势图: the village with its danger zones, shelters, grids and responsible persons, A4 or A3 landscape</source>
        <translation>村级防汛形势图：本村的危险区、避灾安置场所、网格和责任人，A4 或 A3 横向</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="197"/>
        <source>Checks before the season</source>
        <translation>汛前检查</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="227"/>
        <source>The transfer lists could not be loaded: %1</source>
        <translation>无法读取转移清单：%1</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="236"/>
        <source>No transfer list has been imported yet. Import each village&apos;s list (行政村危险区人员转移清单), or give villages the empty template to fill.</source>
        <translation>尚未导入转移清单。请导入各村的《行政村危险区人员转移清单》，或将空白模板发给各村填写。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="244"/>
        <source>Transfer lists of %1: %2 households (%3 people) and %4 other objects (%5 people) in %6 villages.</source>
        <translation>%1年度转移清单：%6 个村（社区），住户 %2 户（%3 人），其他转移对象 %4 个（%5 人）。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="257"/>
        <source>Shelters too small (%1)</source>
        <translation>安置场所容量不足（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="261"/>
        <source>Households with no responsible person (%1)</source>
        <translation>无转移责任人的住户（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="266"/>
        <source>Danger zones with nobody listed (%1)</source>
        <translation>无人员清单的危险区（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="307"/>
        <source>Export a village&apos;s list</source>
        <translation>导出村转移清单</translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <location filename="../../models/transfers/records.py" line="31"/>
        <source>This event no longer exists.</source>
        <translation>该事件已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/reading.py" line="216"/>
        <source>This household is no longer on the list.</source>
        <translation>该住户已不在清单中。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/reading.py" line="237"/>
        <source>This transfer object is no longer on the list.</source>
        <translation>该转移对象已不在清单中。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/checkin.py" line="121"/>
        <location filename="../../models/transfers/checkin.py" line="126"/>
        <source>Unknown transfer status: %1</source>
        <translation>未知的转移状态：%1</translation>
    </message>
    <message>
        <location filename="../../models/transfers/checkin.py" line="131"/>
        <source>The number of people must be at least 1.</source>
        <translation>人数至少为 1。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/checkin.py" line="138"/>
        <source>This transfer record no longer exists; reload the list.</source>
        <translation>该转移记录已不存在，请刷新列表。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/checkin.py" line="145"/>
        <source>%1 changed this household&apos;s record at %2. Nothing was saved; check the current state and enter the change again.</source>
        <translation>%1 已于 %2 修改了该户的记录。本次未保存任何内容，请核对当前状态后重新录入。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/checkin.py" line="169"/>
        <source>Say from which state the people go back to &apos;to move&apos;.</source>
        <translation>请说明人员从哪种状态退回“待转移”。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/checkin.py" line="179"/>
        <source>The people are already in this state.</source>
        <translation>人员已处于该状态。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/checkin.py" line="183"/>
        <source>Only people who were moved can return home.</source>
        <translation>只有已转移的人员才能登记已返回。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/checkin.py" line="187"/>
        <source>People who returned home are not moved again in the same event; correct the record through the register instead.</source>
        <translation>已返回的人员在同一事件中不再转移；如需更正，请在基础信息登记中修改记录。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/checkin.py" line="195"/>
        <source>Nobody of this record has been moved, so nobody can return.</source>
        <translation>该记录中没有已转移的人员，因此无人可登记返回。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/checkin.py" line="203"/>
        <source>Only %1 people of this record are in the state %2; %3 cannot be moved.</source>
        <translation>该记录中处于“%2”状态的只有 %1 人，无法变更 %3 人的状态。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/checkin.py" line="217"/>
        <source>Give the reason for the refusal.</source>
        <translation>请填写拒绝转移的原因。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/checkin.py" line="221"/>
        <source>Say who authorised the forced move.</source>
        <translation>请填写强制转移的批准人。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/checkin.py" line="225"/>
        <location filename="../../models/transfers/checkin.py" line="354"/>
        <source>The response is still in force; returns are recorded after it is lifted.</source>
        <translation>应急响应尚未解除；须在响应解除后再登记返回。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/checkin.py" line="241"/>
        <source>Choose the shelter the people arrived at.</source>
        <translation>请选择人员到达的避灾安置场所。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/checkin.py" line="245"/>
        <source>This shelter is no longer in the register.</source>
        <translation>该避灾安置场所已不在基础信息中。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/checkin.py" line="254"/>
        <source>%1 people of this household are in %2. Record them leaving it before checking people in at another shelter.</source>
        <translation>该户有 %1 人在%2。请先登记其离开，再登记到其他避灾安置场所。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/checkin.py" line="232"/>
        <source>The reason is too long: at most 200 characters.</source>
        <translation>原因过长：最多 200 个字符。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/town_reports.py" line="61"/>
        <source>Choose a town or street.</source>
        <translation>请选择乡镇（街道）。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/town_reports.py" line="65"/>
        <source>Say who reported the figures (name, post or phone call).</source>
        <translation>请填写数据报送人（姓名、职务或来电）。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/town_reports.py" line="80"/>
        <source>Figures are whole numbers of people, 0 or more.</source>
        <translation>人数须为不小于 0 的整数。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/town_reports.py" line="88"/>
        <source>In shelters, with relatives and forcibly moved together cannot exceed the people moved.</source>
        <translation>集中安置、投亲靠友和强制转移人数之和不能超过已转移人数。</translation>
    </message>
    <message>
        <location filename="../../models/transfers/town_reports.py" line="95"/>
        <source>The people moved cannot exceed the people to move.</source>
        <translation>已转移人数不能超过应转移人数。</translation>
    </message>
</context>
<context>
    <name>TransfersChart</name>
    <message>
        <location filename="../../ui/transfers/charts.py" line="30"/>
        <source>In shelters</source>
        <translation>集中安置</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/charts.py" line="31"/>
        <source>With relatives or friends</source>
        <translation>投亲靠友</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/charts.py" line="32"/>
        <source>Forcibly moved</source>
        <translation>强制转移</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/charts.py" line="33"/>
        <source>Still at home</source>
        <translation>尚未转移</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/charts.py" line="181"/>
        <source>Completion rate since the event began</source>
        <translation>事件开始以来的转移率</translation>
    </message>
</context>
<context>
    <name>TransfersPage</name>
    <message>
        <location filename="../../ui/transfers/rows.py" line="25"/>
        <source>Full</source>
        <translation>已满</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="215"/>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="216"/>
        <source>Town / street</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="217"/>
        <source>Danger zone type</source>
        <translation>危险区类型</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="218"/>
        <source>Shelter</source>
        <translation>避灾安置场所</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="223"/>
        <source>Returned home</source>
        <translation>已返回</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="287"/>
        <source>People to move</source>
        <translation>应转移人数</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="288"/>
        <source>Moved</source>
        <translation>已转移人数</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="289"/>
        <source>In shelters</source>
        <translation>集中安置</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="290"/>
        <source>With relatives or friends</source>
        <translation>投亲靠友</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="291"/>
        <source>Forcibly moved</source>
        <translation>强制转移</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="292"/>
        <source>Refused</source>
        <translation>拒绝转移</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="293"/>
        <source>Still at home</source>
        <translation>尚未转移</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/rows.py" line="294"/>
        <source>Completion rate</source>
        <translation>转移率</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="117"/>
        <source>Personnel transfer</source>
        <translation>人员转移</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="125"/>
        <source>Print the town roll-up…</source>
        <translation>打印乡镇汇总表…</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="126"/>
        <source>A4 landscape PDF: one row per town and a total</source>
        <translation>A4 横向 PDF：每个乡镇一行，另有合计行</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="130"/>
        <source>Export the town roll-up…</source>
        <translation>导出乡镇汇总表…</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="131"/>
        <source>Excel, in the layout reported upward</source>
        <translation>Excel，按上报格式</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="135"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="142"/>
        <source>No event is in progress. Transfer figures and check-in start with an event: every household on the register then gets its transfer record.</source>
        <translation>当前没有进行中的事件。转移统计和签到从启动事件开始：届时清单上的每户都会建立转移记录。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="279"/>
        <source>Transfer lists</source>
        <translation>转移清单</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="292"/>
        <source>Figures as of %1</source>
        <translation>数据截至 %1</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="300"/>
        <source>Start an event</source>
        <translation>启动事件</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="300"/>
        <source>Name of the event (such as Typhoon Meihua):</source>
        <translation>事件名称（如：台风“梅花”）：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="309"/>
        <source>Starting the event and opening the transfer records…</source>
        <translation>正在启动事件并建立转移记录……</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="324"/>
        <source>The event was not started: %1</source>
        <translation>事件未能启动：%1</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="335"/>
        <source>The figures were kept as a report.</source>
        <translation>已保存当前数据作为一次报送。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="356"/>
        <source>The town&apos;s figures were saved.</source>
        <translation>乡镇报送数已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="370"/>
        <source>The response level was changed.</source>
        <translation>响应级别已调整。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="378"/>
        <source>%1 people are still counted as at home.</source>
        <translation>仍有 %1 人计为在家未转移。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="383"/>
        <source>The event was ended.</source>
        <translation>事件已结束。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="411"/>
        <source>Nobody moved is still away from home.</source>
        <translation>没有尚未返回的已转移人员。</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="421"/>
        <source>Mark returns by village</source>
        <translation>按村登记返回</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="422"/>
        <source>Record %1 people of %2 as returned home?</source>
        <translation>确定将%2的 %1 人登记为已返回吗？</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/page.py" line="429"/>
        <source>Returns were recorded for %1.</source>
        <translation>已为%1登记返回。</translation>
    </message>
</context>
<context>
    <name>Typhoon</name>
    <message>
        <location filename="../../maps/typhoon.py" line="196"/>
        <source>%1 km</source>
        <translation>%1公里</translation>
    </message>
    <message>
        <location filename="../../maps/typhoon.py" line="200"/>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <location filename="../../maps/typhoon.py" line="209"/>
        <source>%1 (forecast)</source>
        <translation>%1（预报）</translation>
    </message>
    <message>
        <location filename="../../maps/typhoon.py" line="211"/>
        <source>%1 (observed)</source>
        <translation>%1（实况）</translation>
    </message>
    <message>
        <location filename="../../maps/typhoon.py" line="214"/>
        <source>Centre: %1°E, %2°N</source>
        <translation>中心位置：东经%1°，北纬%2°</translation>
    </message>
    <message>
        <location filename="../../maps/typhoon.py" line="222"/>
        <source>Central pressure: %1 hPa</source>
        <translation>中心气压：%1百帕</translation>
    </message>
    <message>
        <location filename="../../maps/typhoon.py" line="229"/>
        <source>Maximum wind: %1 m/s (%2)</source>
        <translation>最大风速：%1米/秒（%2）</translation>
    </message>
    <message>
        <location filename="../../maps/typhoon.py" line="245"/>
        <source>No wind radii known at this time.</source>
        <translation>该时刻无已知风圈半径。</translation>
    </message>
    <message>
        <location filename="../../maps/typhoon.py" line="247"/>
        <source>Wind radii interpolated between the points that give them.</source>
        <translation>风圈半径由前后给出半径的路径点插值得到。</translation>
    </message>
    <message>
        <location filename="../../maps/typhoon.py" line="255"/>
        <source>Force-7 wind radius</source>
        <translation>七级风圈半径</translation>
    </message>
    <message>
        <location filename="../../maps/typhoon.py" line="256"/>
        <source>Force-10 wind radius</source>
        <translation>十级风圈半径</translation>
    </message>
    <message>
        <location filename="../../maps/typhoon.py" line="257"/>
        <source>Force-12 wind radius</source>
        <translation>十二级风圈半径</translation>
    </message>
    <message>
        <location filename="../../maps/typhoon.py" line="263"/>
        <source>Force-7 wind circle</source>
        <translation>七级风圈</translation>
    </message>
    <message>
        <location filename="../../maps/typhoon.py" line="264"/>
        <source>Force-10 wind circle</source>
        <translation>十级风圈</translation>
    </message>
    <message>
        <location filename="../../maps/typhoon.py" line="265"/>
        <source>Force-12 wind circle</source>
        <translation>十二级风圈</translation>
    </message>
    <message>
        <location filename="../../maps/typhoon.py" line="319"/>
        <source>Past track (observed)</source>
        <translation>历史路径（实况）</translation>
    </message>
    <message>
        <location filename="../../maps/typhoon.py" line="328"/>
        <source>Forecast track</source>
        <translation>预报路径</translation>
    </message>
    <message>
        <location filename="../../models/imports/typhoon.py" line="121"/>
        <location filename="../../models/typhoons/readings.py" line="196"/>
        <source>Give the radius of all four quadrants, or of none.</source>
        <translation>四个象限的半径要么都填，要么都不填。</translation>
    </message>
    <message>
        <location filename="../../models/imports/typhoon.py" line="243"/>
        <source>The file holds more than one typhoon (%1 and %2); import one per file.</source>
        <translation>文件中有不止一个台风（%1 和 %2），请每个文件只导入一个台风。</translation>
    </message>
    <message>
        <location filename="../../models/imports/typhoon.py" line="269"/>
        <source>The typhoon&apos;s code is not known: give it when importing, in a column 台风编号, or in the file name (such as 2606_name.csv).</source>
        <translation>不知道台风编号：请在导入时指定，或在“台风编号”列中填写，或写在文件名中（如 2606_名称.csv）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/typhoon.py" line="285"/>
        <location filename="../../models/typhoons/entry.py" line="163"/>
        <source>The code is longer than 12 characters.</source>
        <translation>编号超过12个字符。</translation>
    </message>
    <message>
        <location filename="../../models/imports/typhoon.py" line="297"/>
        <location filename="../../models/typhoons/entry.py" line="185"/>
        <location filename="../../models/typhoons/entry.py" line="192"/>
        <source>The name is longer than 40 characters.</source>
        <translation>名称超过40个字符。</translation>
    </message>
    <message>
        <location filename="../../models/imports/typhoon.py" line="376"/>
        <source>The typhoon %1 is new: give its name when importing or in a column 台风名称.</source>
        <translation>台风 %1 是新台风：请在导入时指定名称，或填写“台风名称”列。</translation>
    </message>
    <message>
        <location filename="../../models/imports/typhoon.py" line="419"/>
        <source>The time %1 appears more than once (rows %2).</source>
        <translation>时间 %1 出现了不止一次（第 %2 行）。</translation>
    </message>
    <message>
        <location filename="../../models/imports/typhoon.py" line="442"/>
        <source>No point of this track gives wind radii (force 7, 10 or 12): no wind circles can be drawn, and the reach table cannot say what the winds reach. If the file has radii, their columns are among those not used: name them like R7_NE_km or 七级风圈半径.</source>
        <translation>该路径没有任何点给出风圈半径（7级、10级或12级）：无法绘制风圈，影响范围表也无法判断风圈波及范围。如文件中有风圈半径，其列在未使用的列中：请将列名改为 R7_NE_km 或 七级风圈半径 等形式。</translation>
    </message>
    <message>
        <location filename="../../models/imports/typhoon.py" line="453"/>
        <source>Wind radii are given at %1 of %2 points. Between two points that give them, at most %3 hours apart, the map interpolates them (marked as interpolated); elsewhere no wind circle is drawn.</source>
        <translation>%2 个路径点中有 %1 个给出风圈半径。相隔不超过 %3 小时的两个给出半径的点之间，地图按时间插值（标注为插值）；其余时段不绘制风圈。</translation>
    </message>
    <message>
        <location filename="../../models/imports/typhoon.py" line="465"/>
        <source>Columns %1: radii in nautical miles, converted to kilometres.</source>
        <translation>第 %1 列：风圈半径单位为海里，已换算为公里。</translation>
    </message>
    <message>
        <location filename="../../models/imports/typhoon.py" line="468"/>
        <source>Columns %1: wind in knots, converted to metres per second.</source>
        <translation>第 %1 列：风速单位为节，已换算为米/秒。</translation>
    </message>
    <message>
        <location filename="../../models/imports/typhoon.py" line="471"/>
        <source>Columns %1: positions in tenths of a degree, converted to degrees.</source>
        <translation>第 %1 列：经纬度以0.1度为单位，已换算为度。</translation>
    </message>
    <message>
        <location filename="../../models/imports/typhoon.py" line="483"/>
        <source>Column %1: times without an offset are read as UTC.</source>
        <translation>第 %1 列：未注明时区的时间按世界时（UTC）读取。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/tables.py" line="77"/>
        <source>Super typhoon</source>
        <translation>超强台风</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/tables.py" line="78"/>
        <source>Severe typhoon</source>
        <translation>强台风</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/tables.py" line="79"/>
        <source>Typhoon</source>
        <translation>台风</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/tables.py" line="80"/>
        <source>Severe tropical storm</source>
        <translation>强热带风暴</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/tables.py" line="81"/>
        <source>Tropical storm</source>
        <translation>热带风暴</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/tables.py" line="82"/>
        <source>Tropical depression</source>
        <translation>热带低压</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/tracks.py" line="126"/>
        <source>Typhoon %1 %2</source>
        <translation>%1号台风“%2”</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/times.py" line="44"/>
        <location filename="../../models/typhoons/times.py" line="89"/>
        <location filename="../../models/typhoons/times.py" line="97"/>
        <source>Give the hour as well as the date, such as 2026-08-09 20:00.</source>
        <translation>请写明日期和时刻，如 2026-08-09 20:00。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/times.py" line="51"/>
        <source>The time is empty.</source>
        <translation>时间为空。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/times.py" line="70"/>
        <source>Not a time: write it as 2026-08-09 20:00 (Beijing time) or with an offset, such as 2026-08-09T12:00Z.</source>
        <translation>不是时间：请写成 2026-08-09 20:00（北京时间），或带时区，如 2026-08-09T12:00Z。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="62"/>
        <source>Enter a number in decimal degrees, such as 121.5.</source>
        <translation>请填写十进制度数，如 121.5。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="73"/>
        <source>The longitude is empty.</source>
        <translation>经度为空。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="75"/>
        <source>The latitude is empty.</source>
        <translation>纬度为空。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="92"/>
        <source>Longitude and latitude look swapped: the longitude of a typhoon here is the larger number (90 to 180 degrees east).</source>
        <translation>经纬度似乎填反了：本海域台风的经度是较大的数（东经90至180度）。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="103"/>
        <source>The longitude must be between 90 and 180 degrees east (Northwest Pacific and South China Sea).</source>
        <translation>经度须在东经90至180度之间（西北太平洋和南海）。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="114"/>
        <source>The latitude must be between 0 and 60 degrees north.</source>
        <translation>纬度须在北纬0至60度之间。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="128"/>
        <source>The central pressure must be a number of hPa, such as 950.</source>
        <translation>中心气压须为百帕数，如 950。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="136"/>
        <source>The central pressure must be between 850 and 1020 hPa.</source>
        <translation>中心气压须在850至1020百帕之间。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="149"/>
        <source>The maximum wind must be a number of m/s, such as 45.</source>
        <translation>最大风速须为米/秒数，如 45。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="157"/>
        <source>The maximum wind must be between 0 and 100 m/s.</source>
        <translation>最大风速须在0至100米/秒之间。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="187"/>
        <source>Give one radius, or four for the NE, SE, SW and NW quadrants.</source>
        <translation>请填一个半径，或按东北、东南、西南、西北填四个。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="215"/>
        <source>Give the radius of all four quadrants: NE, SE, SW and NW.</source>
        <translation>请填全四个象限的半径：东北、东南、西南、西北。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="230"/>
        <source>Give one radius, or four for the NE, SE, SW and NW quadrants, such as 300/280/250/260.</source>
        <translation>请填一个半径，或按东北、东南、西南、西北填四个，如 300/280/250/260。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="249"/>
        <source>A radius must be a number of kilometres.</source>
        <translation>半径须为公里数。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="254"/>
        <source>A radius cannot be negative.</source>
        <translation>半径不能为负数。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="257"/>
        <source>A radius of more than 1500 km is not a typhoon&apos;s; check the unit (km).</source>
        <translation>半径超过1500公里不可能是台风风圈，请检查单位（公里）。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="296"/>
        <source>Write 是 or 预报 for a forecast point, 否 or 实况 (or leave empty) for an observed one.</source>
        <translation>预报点填“是”或“预报”，实况点填“否”或“实况”（或留空）。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="317"/>
        <source>The force-10 radius is larger than the force-7 radius in the %1 quadrant.</source>
        <translation>%1象限的十级风圈半径大于七级风圈半径。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="326"/>
        <source>The force-12 radius is larger than the force-10 radius in the %1 quadrant.</source>
        <translation>%1象限的十二级风圈半径大于十级风圈半径。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="342"/>
        <source>NE</source>
        <translation>东北</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="343"/>
        <source>SE</source>
        <translation>东南</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="344"/>
        <source>SW</source>
        <translation>西南</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="345"/>
        <source>NW</source>
        <translation>西北</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/readings.py" line="367"/>
        <source>From the point before (%1) the centre would move %2 km/h; no typhoon moves faster than 150 km/h. Check the longitude and latitude of both points.</source>
        <translation>与前一个路径点（%1）相比，中心移速将达每小时%2公里；台风移速不会超过每小时150公里。请核对这两个点的经纬度。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/entry.py" line="71"/>
        <source>Another point has the same time %1.</source>
        <translation>另有路径点的时间也是 %1。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/entry.py" line="142"/>
        <source>This typhoon no longer exists; another user may have deleted it.</source>
        <translation>该台风已不存在，可能已被其他用户删除。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/entry.py" line="156"/>
        <source>Enter the typhoon&apos;s code, such as 2606.</source>
        <translation>请填写台风编号，如 2606。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/entry.py" line="174"/>
        <source>Another typhoon already has this code.</source>
        <translation>已有台风使用该编号。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/entry.py" line="179"/>
        <source>Enter the typhoon&apos;s name.</source>
        <translation>请填写台风名称。</translation>
    </message>
    <message>
        <location filename="../../models/typhoons/entry.py" line="203"/>
        <source>Enter at least one point of the track.</source>
        <translation>请至少填写一个路径点。</translation>
    </message>
</context>
<context>
    <name>TyphoonDialog</name>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="49"/>
        <source>Time (Beijing)</source>
        <translation>时间（北京时）</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="50"/>
        <source>Longitude °E</source>
        <translation>经度 °E</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="51"/>
        <source>Latitude °N</source>
        <translation>纬度 °N</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="52"/>
        <source>Pressure hPa</source>
        <translation>气压 百帕</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="53"/>
        <source>Max wind m/s</source>
        <translation>最大风速 米/秒</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="54"/>
        <source>Force-7 radius km</source>
        <translation>7级风圈半径 公里</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="55"/>
        <source>Force-10 radius km</source>
        <translation>10级风圈半径 公里</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="56"/>
        <source>Force-12 radius km</source>
        <translation>12级风圈半径 公里</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="57"/>
        <source>Forecast</source>
        <translation>预报</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="94"/>
        <source>Enter a typhoon by hand</source>
        <translation>手工录入台风</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="96"/>
        <source>Edit the typhoon&apos;s track</source>
        <translation>编辑台风路径</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="102"/>
        <source>Such as 2606</source>
        <translation>如 2606</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="104"/>
        <source>Such as 烟花</source>
        <translation>如 烟花</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="106"/>
        <source>Number:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="107"/>
        <source>Chinese name:</source>
        <translation>中文名：</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="108"/>
        <source>English name:</source>
        <translation>英文名：</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="112"/>
        <source>One row per bulletin point, in Beijing time. A radius is one value, or four for the NE, SE, SW and NW quadrants (300/280/250/260); leave it empty when the bulletin gives none. Tick Forecast for the forecast points.</source>
        <translation>每个路径点一行，时间为北京时。风圈半径填一个数，或按东北、东南、西南、西北四个象限填四个数（300/280/250/260）；报文未给出的留空。预报点请勾选“预报”。</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="146"/>
        <source>Add a point</source>
        <translation>添加路径点</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="147"/>
        <source>A copy of the last point, three hours later (Ins)</source>
        <translation>复制最后一个点，时间推后三小时（Ins）</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="149"/>
        <source>Remove the point</source>
        <translation>删除路径点</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="150"/>
        <source>Remove the selected point (Del)</source>
        <translation>删除选中的路径点（Del）</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="270"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="271"/>
        <source>Chinese name</source>
        <translation>中文名</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="272"/>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_dialog.py" line="283"/>
        <source>Row %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
</context>
<context>
    <name>TyphoonPanel</name>
    <message>
        <location filename="../../ui/map/typhoon.py" line="216"/>
        <source>Loading the typhoon …</source>
        <translation>正在读取台风……</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="226"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="227"/>
        <source>Enter a typhoon by hand</source>
        <translation>手工录入台风</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="228"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="229"/>
        <source>Add the new bulletin&apos;s points, or correct the track</source>
        <translation>录入最新报文的路径点，或更正路径</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="230"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="231"/>
        <source>Import a track from a CSV or Excel file</source>
        <translation>从 CSV 或 Excel 文件导入路径</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="243"/>
        <source>The time of the wind circles (arrow keys: one hour)</source>
        <translation>风圈的时刻（方向键：每次一小时）</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="249"/>
        <source>Latest bulletin</source>
        <translation>最新实况</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="250"/>
        <source>Back to the latest observed position</source>
        <translation>回到最新实况位置</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="284"/>
        <source>Click a count to list those features and mark them on the map.</source>
        <translation>点击数字，列出这些对象并在地图上标出。</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="295"/>
        <source>Double-click to show it on the map.</source>
        <translation>双击在地图上定位。</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="298"/>
        <source>Export the reach table to Excel…</source>
        <translation>导出影响范围表（Excel）…</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="338"/>
        <source>The typhoon could not be loaded. Details are in the log file.</source>
        <translation>台风数据读取失败，详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="343"/>
        <source>No typhoon is entered: enter one by hand (New…) or import its track (Import…).</source>
        <translation>尚未录入台风：可手工录入（新建…）或导入路径（导入…）。</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="382"/>
        <source>forecast</source>
        <translation>预报</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="382"/>
        <source>observed</source>
        <translation>实况</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="383"/>
        <source>%1 Beijing time (%2)</source>
        <translation>北京时间 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="417"/>
        <source>What the wind reaches could not be computed. Details are in the log file.</source>
        <translation>无法计算风圈影响范围，详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="494"/>
        <source>%1 reached by the %2: not known, no wind radii are known at this time.</source>
        <translation>%2波及的%1：未知，该时刻无已知风圈半径。</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="500"/>
        <source>%1 reached by the %2: %3 of %4, marked on the map.</source>
        <translation>%2内的%1：%3 个（共 %4 个），已在地图上标出。</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="502"/>
        <source>%1 reached by the %2: %3 of %4.</source>
        <translation>%2内的%1：%3（共 %4）。</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="510"/>
        <source>The first %1 are listed; the export holds them all.</source>
        <translation>列表只显示前 %1 个，导出文件包含全部。</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="597"/>
        <source>force-7 circle at this time</source>
        <translation>该时刻7级风圈</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="598"/>
        <source>force-10 circle at this time</source>
        <translation>该时刻10级风圈</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="599"/>
        <source>force-7 wind from this time on</source>
        <translation>此后7级风圈途经范围</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon.py" line="602"/>
        <source>force-10 wind from this time on</source>
        <translation>此后10级风圈途经范围</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_reach.py" line="58"/>
        <source>the process computing the reach</source>
        <translation>计算影响范围的进程</translation>
    </message>
    <message>
        <location filename="../../ui/map/typhoon_reach.py" line="118"/>
        <source>The typhoon was deleted.</source>
        <translation>该台风已被删除。</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../models/command/units.py" line="74"/>
        <source>Give the unit&apos;s name.</source>
        <translation>请填写单位名称。</translation>
    </message>
    <message>
        <location filename="../../models/command/units.py" line="81"/>
        <source>Unknown kind of unit: %1</source>
        <translation>未知的单位类别：%1</translation>
    </message>
    <message>
        <location filename="../../models/command/units.py" line="101"/>
        <source>A unit named %1 is registered.</source>
        <translation>名为 %1 的单位已登记。</translation>
    </message>
    <message>
        <location filename="../../models/command/units.py" line="105"/>
        <source>This unit no longer exists.</source>
        <translation>该单位已不存在。</translation>
    </message>
    <message>
        <location filename="../../models/command/units_import.py" line="70"/>
        <source>The unit %1 appears more than once (rows %2).</source>
        <translation>单位 %1 重复出现（第 %2 行）。</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <location filename="../../models/users.py" line="123"/>
        <source>You are not allowed to do this (needs: %1).</source>
        <translation>您无权执行此操作（需要权限：%1）。</translation>
    </message>
    <message>
        <location filename="../../models/users.py" line="214"/>
        <source>The password must have at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../models/users.py" line="233"/>
        <location filename="../../models/users.py" line="500"/>
        <source>Unknown role: %1</source>
        <translation>未知角色：%1</translation>
    </message>
    <message>
        <location filename="../../models/users.py" line="239"/>
        <source>This database has users already: an administrator adds users (--user NAME).</source>
        <translation>此数据库已有用户：请由管理员添加用户（--user 用户名）。</translation>
    </message>
    <message>
        <location filename="../../models/users.py" line="247"/>
        <source>The first user of a database must be an administrator (--role admin).</source>
        <translation>数据库的第一个用户必须是管理员（--role admin）。</translation>
    </message>
    <message>
        <location filename="../../models/users.py" line="260"/>
        <source>The user name is empty.</source>
        <translation>用户名为空。</translation>
    </message>
    <message>
        <location filename="../../models/users.py" line="266"/>
        <source>The user name cannot be used: %1</source>
        <translation>该用户名不能使用：%1</translation>
    </message>
    <message>
        <location filename="../../models/users.py" line="272"/>
        <source>A user name cannot hold control characters.</source>
        <translation>用户名不能包含控制字符。</translation>
    </message>
    <message>
        <location filename="../../models/users.py" line="276"/>
        <source>The user %1 already exists.</source>
        <translation>用户 %1 已存在。</translation>
    </message>
    <message>
        <location filename="../../models/users.py" line="299"/>
        <source>Another administrator was created at the same time; log in as that administrator to add users.</source>
        <translation>同时已有另一个管理员被创建；请以该管理员身份登录后再添加用户。</translation>
    </message>
    <message>
        <location filename="../../models/users.py" line="331"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../models/users.py" line="348"/>
        <source>Too many failed attempts. Try again in %1 seconds.</source>
        <translation>失败次数过多，请在 %1 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../models/users.py" line="458"/>
        <source>No user is called %1.</source>
        <translation>没有名为 %1 的用户。</translation>
    </message>
    <message>
        <location filename="../../models/users.py" line="478"/>
        <location filename="../../models/users.py" line="537"/>
        <source>This user no longer exists; reload the list.</source>
        <translation>该用户已不存在，请刷新列表。</translation>
    </message>
    <message>
        <location filename="../../models/users.py" line="487"/>
        <source>%1 is the last active administrator. Make another user an administrator first.</source>
        <translation>%1 是最后一个有效的管理员。请先将其他用户设为管理员。</translation>
    </message>
    <message>
        <location filename="../../models/users.py" line="519"/>
        <source>You cannot deactivate yourself. Ask another administrator.</source>
        <translation>不能停用自己的账号，请联系其他管理员。</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../ui/settings/users.py" line="64"/>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="66"/>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="126"/>
        <source>Search users</source>
        <translation>搜索用户</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="134"/>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="135"/>
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="136"/>
        <location filename="../../ui/settings/users.py" line="223"/>
        <source>Deactivate…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="137"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="149"/>
        <source>Changes apply at the user&apos;s next login. Deactivated users cannot log in; their past work stays in the audit log.</source>
        <translation>更改在该用户下次登录时生效。已停用的用户不能登录，其操作记录仍保留在审计日志中。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="178"/>
        <source>The user list could not be loaded: %1</source>
        <translation>无法加载用户列表：%1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="201"/>
        <source>%1 users, %2 active</source>
        <translation>共 %1 个用户，%2 个有效</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="221"/>
        <source>Activate…</source>
        <translation>启用…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="226"/>
        <source>You cannot deactivate yourself.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="244"/>
        <source>User %1 added.</source>
        <translation>已添加用户 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="253"/>
        <source>%1 is now: %2.</source>
        <translation>%1 现在的角色：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="265"/>
        <source>The password of %1 was reset. Tell them the new password in person, not by message.</source>
        <translation>%1 的密码已重置。请当面告知新密码，不要通过消息发送。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="278"/>
        <source>Allow %1 to log in again?</source>
        <translation>允许 %1 重新登录吗？</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="279"/>
        <source>Activate user</source>
        <translation>启用用户</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="283"/>
        <source>Deactivate %1? They will not be able to log in until an administrator activates them again.</source>
        <translation>停用 %1 吗？停用后，在管理员重新启用之前将无法登录。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="288"/>
        <source>Deactivate user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="312"/>
        <source>%1 can log in again.</source>
        <translation>%1 已可以重新登录。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="312"/>
        <source>%1 is deactivated.</source>
        <translation>%1 已停用。</translation>
    </message>
</context>
<context>
    <name>VersionForm</name>
    <message>
        <location filename="../../ui/plans/forms.py" line="362"/>
        <source>New version of %1</source>
        <translation>%1 新增版本</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="363"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="363"/>
        <source>Such as 2024 edition</source>
        <translation>如 2024年版</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="364"/>
        <source>Date of issue</source>
        <translation>印发日期</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="365"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="373"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="375"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="383"/>
        <source>Document files</source>
        <translation>预案文件</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="384"/>
        <source>Start from the previous version&apos;s stages and actions</source>
        <translation>以上一版本的响应级别与任务为基础</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="394"/>
        <source>Stop reading</source>
        <translation>停止读取</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="405"/>
        <source>Document files of the version</source>
        <translation>版本的预案文件</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="407"/>
        <source>Plan documents (*.pdf *.docx *.doc *.wps *.txt);;All files (*)</source>
        <translation>预案文件 (*.pdf *.docx *.doc *.wps *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="457"/>
        <source>Reading the files…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="472"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="501"/>
        <source>Reading the files was stopped; nothing was saved.</source>
        <translation>已停止读取文件，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/forms.py" line="511"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>VillageCombo</name>
    <message>
        <location filename="../../ui/common/widgets.py" line="157"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/common/widgets.py" line="176"/>
        <source>Type a village name or its pinyin initials</source>
        <translation>输入村名或其拼音首字母</translation>
    </message>
</context>
<context>
    <name>VillageDialog</name>
    <message>
        <location filename="../../ui/transfers/lists.py" line="101"/>
        <source>Village:</source>
        <translation>村（社区）：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="105"/>
        <source>Paper (landscape):</source>
        <translation>纸张（横向）：</translation>
    </message>
    <message>
        <location filename="../../ui/transfers/lists.py" line="124"/>
        <source>Choose the village from the list.</source>
        <translation>请从列表中选择村（社区）。</translation>
    </message>
</context>
<context>
    <name>WorkingGroupMemberForm</name>
    <message>
        <location filename="../../ui/register/forms.py" line="294"/>
        <source>Edit working group member</source>
        <translation>编辑工作组成员</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="296"/>
        <source>New working group member</source>
        <translation>新增工作组成员</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="300"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="301"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="303"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/register/forms.py" line="303"/>
        <source>Mobile or landline, such as 0576-86123456</source>
        <translation>手机或固定电话，如 0576-86123456</translation>
    </message>
</context>
<context>
    <name>_UserDialog</name>
    <message>
        <location filename="../../ui/settings/users.py" line="339"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="340"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="353"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <location filename="../../ui/cli/core.py" line="49"/>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="50"/>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="51"/>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="52"/>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="53"/>
        <source>the following arguments are required: %s</source>
        <translation>缺少以下必需参数：%s</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="54"/>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="55"/>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="56"/>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="57"/>
        <source>expected one argument</source>
        <translation>需要一个参数值</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="58"/>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <location filename="../../ui/cli/core.py" line="59"/>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
</context>
</TS>
