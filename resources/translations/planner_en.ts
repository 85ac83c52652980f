<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
    <context>
        <name>AddActions</name>
        <message>
            <location filename="../../ui/adding.py" line="25" />
            <source>添加组(&amp;G)…</source>
            <translation>Add &amp;Group…</translation>
        </message>
        <message>
            <location filename="../../ui/adding.py" line="26" />
            <source>添加一个组：名称、颜色、带队领导、车辆</source>
            <translation>Add a group: name, colour, leader, vehicle</translation>
        </message>
        <message>
            <location filename="../../ui/adding.py" line="27" />
            <source>添加全体活动(&amp;L)…</source>
            <translation>Add Ple&amp;nary…</translation>
        </message>
        <message>
            <location filename="../../ui/adding.py" line="29" />
            <source>开班式、结业式等全体学员参加的活动</source>
            <translation>An event for all participants: opening, closing…</translation>
        </message>
        <message>
            <location filename="../../ui/adding.py" line="30" />
            <source>安排住宿(&amp;H)…</source>
            <translation>Set &amp;Lodging…</translation>
        </message>
        <message>
            <location filename="../../ui/adding.py" line="32" />
            <source>为一个组（或所有组）安排一晚或几晚的宾馆</source>
            <translation>Book a hotel for a group (or every group) for one night or several</translation>
        </message>
        <message>
            <location filename="../../ui/adding.py" line="33" />
            <source>添加宾馆(&amp;B)…</source>
            <translation>Add &amp;Hotel…</translation>
        </message>
        <message>
            <location filename="../../ui/adding.py" line="34" />
            <source>添加一个宾馆（住宿地点）</source>
            <translation>Add a hotel (a place to stay)</translation>
        </message>
        <message>
            <location filename="../../ui/adding.py" line="82" />
            <source>添加组「{name}」</source>
            <translation>Add group “{name}”</translation>
        </message>
        <message>
            <location filename="../../ui/adding.py" line="90" />
            <source>添加全体活动「{title}」</source>
            <translation>Add plenary “{title}”</translation>
        </message>
        <message>
            <location filename="../../ui/adding.py" line="101" />
            <source>安排住宿（第 {nights} 天晚）</source>
            <translation>Lodging (night of day {nights})</translation>
        </message>
        <message>
            <location filename="../../ui/adding.py" line="111" />
            <source>添加宾馆「{name}」</source>
            <translation>Add hotel “{name}”</translation>
        </message>
    </context>
    <context>
        <name>AddDialogs</name>
        <message>
            <location filename="../../ui/add_dialogs.py" line="46" />
            <source>{day} 晚</source>
            <translation>{day}, night</translation>
        </message>
    </context>
    <context>
        <name>AddGroupDialog</name>
        <message>
            <location filename="../../ui/add_dialogs.py" line="61" />
            <source>添加组</source>
            <translation>Add Group</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="69" />
            <source>大巴 {number} 号车</source>
            <translation>Bus {number}</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="72" />
            <source>未定</source>
            <translation>Not known</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="74" />
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="75" />
            <source>颜色</source>
            <translation>Colour</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="76" />
            <source>带队领导</source>
            <translation>Leader</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="77" />
            <source>车辆</source>
            <translation>Vehicle</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="78" />
            <source>座位数</source>
            <translation>Seats</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="88" />
            <source>组的颜色</source>
            <translation>Group colour</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="96" />
            <source>请填写名称。</source>
            <translation>Enter a name.</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="98" />
            <source>已有同名的组。</source>
            <translation>There is already a group of that name.</translation>
        </message>
    </context>
    <context>
        <name>AddHotelDialog</name>
        <message>
            <location filename="../../ui/add_dialogs.py" line="171" />
            <source>添加宾馆</source>
            <translation>Add Hotel</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="181" />
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="182" />
            <source>所在县（市、区）</source>
            <translation>Place</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="183" />
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="184" />
            <source>联系人</source>
            <translation>Contact</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="185" />
            <source>联系电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="190" />
            <source>请先添加县（市、区）。</source>
            <translation>Add a place first.</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="191" />
            <source>请填写名称。</source>
            <translation>Enter a name.</translation>
        </message>
    </context>
    <context>
        <name>AddLodgingDialog</name>
        <message>
            <location filename="../../ui/add_dialogs.py" line="205" />
            <source>安排住宿</source>
            <translation>Set Lodging</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="213" />
            <source>所有组</source>
            <translation>All groups</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="222" />
            <source>新宾馆…</source>
            <translation>New hotel…</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="229" />
            <source> 元</source>
            <translation> yuan</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="230" />
            <source>不变</source>
            <translation>Unchanged</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="232" />
            <source>组</source>
            <translation>Group</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="233" />
            <source>第一晚</source>
            <translation>First night</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="234" />
            <source>最后一晚</source>
            <translation>Last night</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="235" />
            <source>宾馆</source>
            <translation>Hotel</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="236" />
            <source>房价（每间每晚）</source>
            <translation>Room price (per room and night)</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="265" />
            <source>（新）{name}</source>
            <translation>(new) {name}</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="286" />
            <source>方案还没有组。</source>
            <translation>The plan has no groups yet.</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="288" />
            <source>请选择宾馆，或添加新宾馆。</source>
            <translation>Choose a hotel, or add a new one.</translation>
        </message>
    </context>
    <context>
        <name>AddPlaceDialog</name>
        <message>
            <location filename="../../ui/dialogs.py" line="74" />
            <source>添加县（市、区）</source>
            <translation>Add place</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="78" />
            <source>输入名称、拼音或首字母，如 义乌、yiwu、yw</source>
            <translation>Type a name, its pinyin or initials, e.g. 义乌, yiwu, yw</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="82" />
            <source>手动定位（功能区等非行政区划）</source>
            <translation>Place by hand (a zone that is no division)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="89" />
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="90" />
            <source>经度</source>
            <translation>Longitude</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="91" />
            <source>纬度</source>
            <translation>Latitude</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="92" />
            <source>在地图上点选…</source>
            <translation>Pick on the map…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="151" />
            <source>「{0}」对应多个行政区划，请在列表中选择一个。</source>
            <translation>“{0}” matches several divisions: pick one in the list.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="153" />
            <source>请在列表中选择一个。</source>
            <translation>Pick one in the list.</translation>
        </message>
    </context>
    <context>
        <name>AddPlenaryDialog</name>
        <message>
            <location filename="../../ui/add_dialogs.py" line="113" />
            <source>添加全体活动</source>
            <translation>Add Plenary</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="129" />
            <source>（不指定）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="139" />
            <source> 分钟</source>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="142" />
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="143" />
            <source>名称</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="144" />
            <source>日期</source>
            <translation>Day</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="145" />
            <source>地点</source>
            <translation>Venue</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="146" />
            <source>开始时间</source>
            <translation>Start</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="147" />
            <source>时长</source>
            <translation>Length</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="148" />
            <source>主持</source>
            <translation>Host</translation>
        </message>
        <message>
            <location filename="../../ui/add_dialogs.py" line="157" />
            <source>请填写名称。</source>
            <translation>Enter a name.</translation>
        </message>
    </context>
    <context>
        <name>AddSessionDialog</name>
        <message>
            <location filename="../../ui/dialogs.py" line="254" />
            <source>安排现场教学</source>
            <translation>Schedule a session</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="265" />
            <source> 分钟</source>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="266" />
            <source>固定开始时间</source>
            <translation>Fixed start time</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="267" />
            <source>不勾选时，接在当天已有安排之后，按路程自动排时间</source>
            <translation>Unticked, it follows the day's other items, timed by the travel between them</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="274" />
            <source>可不填：默认用现场教学点的名称</source>
            <translation>Optional: the site's name by default</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="286" />
            <source>组</source>
            <translation>Group</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="287" />
            <source>日期</source>
            <translation>Day</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="288" />
            <source>现场教学点</source>
            <translation>Site</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="289" />
            <source>时长</source>
            <translation>Length</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="290" />
            <source>开始时间</source>
            <translation>Start</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="291" />
            <source>标题</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="322" />
            <source>请先添加教学点（现场教学点）。</source>
            <translation>Add a site first.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="320" />
            <source>方案还没有组。</source>
            <translation>The plan has no groups yet.</translation>
        </message>
    </context>
    <context>
        <name>AddSiteDialog</name>
        <message>
            <location filename="../../ui/dialogs.py" line="210" />
            <source>添加教学点</source>
            <translation>Add site</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="221" />
            <source> 分钟</source>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="223" />
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="224" />
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="225" />
            <source>所在县（市、区）</source>
            <translation>Place</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="226" />
            <source>通常参观时长</source>
            <translation>Usual visit length</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="231" />
            <source>请先添加县（市、区）。</source>
            <translation>Add a place first.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="233" />
            <source>请填写名称。</source>
            <translation>Enter a name.</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../ui/app.py" line="46" />
            <source>

已改为打开示例方案。
The sample plan is shown instead.</source>
            <translation>

The sample plan is shown instead.</translation>
        </message>
    </context>
    <context>
        <name>AssignDialog</name>
        <message>
            <location filename="../../ui/participants/assign_dialog.py" line="23" />
            <location filename="../../ui/participants/assign_dialog.py" line="91" />
            <source>学员自动编组</source>
            <translation>Assign participants to groups</translation>
        </message>
        <message>
            <location filename="../../ui/participants/assign_dialog.py" line="32" />
            <source>全部重新分配（已在组中的人也可能换组；带队领导和手动安排的人不动）</source>
            <translation>Reassign everyone (people already in a group may move; group leaders and people placed by hand stay)</translation>
        </message>
        <message>
            <location filename="../../ui/participants/assign_dialog.py" line="38" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/participants/assign_dialog.py" line="38" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location filename="../../ui/participants/assign_dialog.py" line="38" />
            <source>分到</source>
            <translation>Group</translation>
        </message>
        <message>
            <location filename="../../ui/participants/assign_dialog.py" line="38" />
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/participants/assign_dialog.py" line="38" />
            <source>原组</source>
            <translation>Was in</translation>
        </message>
        <message>
            <location filename="../../ui/participants/assign_dialog.py" line="42" />
            <source>分组</source>
            <translation>Groups</translation>
        </message>
        <message>
            <location filename="../../ui/participants/assign_dialog.py" line="46" />
            <source>同单位学员</source>
            <translation>People of one unit</translation>
        </message>
        <message>
            <location filename="../../ui/participants/assign_dialog.py" line="50" />
            <source>默认只安排未分组的学员，已在组中的人一个不动；带队领导每组一位，从不换组。</source>
            <translation>By default only people without a group are placed and nobody already in a group moves; one group leader per group, and a leader never changes group.</translation>
        </message>
        <message>
            <location filename="../../ui/participants/assign_dialog.py" line="73" />
            <source>各组人数：</source>
            <translation>People per group: </translation>
        </message>
        <message>
            <location filename="../../ui/participants/assign_dialog.py" line="74" />
            <source>变动 %1 人（下表）</source>
            <translation>%1 moved (below)</translation>
        </message>
        <message>
            <location filename="../../ui/participants/assign_dialog.py" line="75" />
            <source>无人变动：所有学员都已在组中</source>
            <translation>Nobody moves: everyone is in a group already</translation>
        </message>
        <message>
            <location filename="../../ui/participants/assign_dialog.py" line="77" />
            <source>座位不足：%1 人未能分组</source>
            <translation>Not enough seats: %1 left without a group</translation>
        </message>
    </context>
    <context>
        <name>Board</name>
        <message>
            <location filename="../../ui/board/model.py" line="110" />
            <source>带队领导：{name}</source>
            <translation>Leader: {name}</translation>
        </message>
        <message>
            <location filename="../../ui/board/model.py" line="112" />
            <source>（{seats} 座）</source>
            <translation> ({seats} seats)</translation>
        </message>
        <message>
            <location filename="../../ui/board/model.py" line="113" />
            <source>车辆：{vehicle}{seats}</source>
            <translation>Vehicle: {vehicle}{seats}</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="20" />
            <source>星期一</source>
            <translation>Monday</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="20" />
            <source>星期二</source>
            <translation>Tuesday</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="20" />
            <source>星期三</source>
            <translation>Wednesday</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="21" />
            <source>星期四</source>
            <translation>Thursday</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="21" />
            <source>星期五</source>
            <translation>Friday</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="21" />
            <source>星期六</source>
            <translation>Saturday</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="22" />
            <source>星期日</source>
            <translation>Sunday</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="28" />
            <source>{month}月{date}日</source>
            <translation>{date} {month_name}</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="33" />
            <source>第{day}天</source>
            <translation>Day {day}</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="46" />
            <source>全体活动</source>
            <translation>Plenary</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="47" />
            <source>全体 · {title}</source>
            <translation>All · {title}</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="60" />
            <source>来不及：晚到 {duration}</source>
            <translation>Too slow: arrives {duration} late</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="61" />
            <source>迟到 {duration}</source>
            <translation>late by {duration}</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="71" />
            <source>车程约 {duration}</source>
            <translation>Travel about {duration}</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="76" />
            <source>住宿：{hotel}</source>
            <translation>Hotel: {hotel}</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="78" />
            <source>住宿：未安排</source>
            <translation>Hotel: none booked</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="80" />
            <source>当天返回{place}</source>
            <translation>Back in {place} the same day</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="89" />
            <source>（{where}）</source>
            <translation> ({where})</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="111" />
            <source>标题：{title}</source>
            <translation>Title: {title}</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="113" />
            <source>县（市、区）：{place}</source>
            <translation>Place: {place}</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="115" />
            <source>已固定时间</source>
            <translation>Time pinned</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="117" />
            <source>拖到另一格可移到别的日期或组，拖到本格内可调整顺序；双击编辑</source>
            <translation>Drag to another cell to move it to another day or group, within its cell to reorder; double-click to edit</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="135" />
            <source>全体：{events}</source>
            <translation>All: {events}</translation>
        </message>
        <message>
            <location filename="../../ui/board/texts.py" line="135" />
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <location filename="../../ui/board/view.py" line="300" />
            <source>双击或右键可更换宾馆</source>
            <translation>Double-click or right-click to change the hotel</translation>
        </message>
        <message>
            <location filename="../../ui/board/view.py" line="498" />
            <source>调整「{name}」的顺序</source>
            <translation>Reorder “{name}”</translation>
        </message>
        <message>
            <location filename="../../ui/board/view.py" line="500" />
            <source>移动「{name}」到{group}第{day}天</source>
            <translation>Move “{name}” to {group}, day {day}</translation>
        </message>
        <message>
            <location filename="../../ui/board/view.py" line="522" />
            <source>编辑「{name}」…</source>
            <translation>Edit “{name}”…</translation>
        </message>
        <message>
            <location filename="../../ui/board/view.py" line="524" />
            <location filename="../../ui/board/view.py" line="547" />
            <source>删除「{name}」</source>
            <translation>Delete “{name}”</translation>
        </message>
        <message>
            <location filename="../../ui/board/view.py" line="528" />
            <source>在此安排现场教学…</source>
            <translation>Schedule a session here…</translation>
        </message>
        <message>
            <location filename="../../ui/board/view.py" line="531" />
            <source>设置当晚住宿…</source>
            <translation>Set the night's lodging…</translation>
        </message>
        <message>
            <location filename="../../ui/board/view.py" line="532" />
            <source>更换当晚住宿…</source>
            <translation>Change the night's lodging…</translation>
        </message>
        <message>
            <location filename="../../ui/board/view.py" line="535" />
            <source>在这一天添加全体活动…</source>
            <translation>Add a plenary on this day…</translation>
        </message>
    </context>
    <context>
        <name>BudgetPane</name>
        <message>
            <location filename="../../ui/budget_pane.py" line="54" />
            <source>（未设定）</source>
            <translation>(not set)</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="62" />
            <source>元/人天</source>
            <translation>yuan/person-day</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="65" />
            <location filename="../../ui/budget_pane.py" line="367" />
            <source>添加费用</source>
            <translation>Add cost</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="66" />
            <source>手工添加一项费用（资料、保险、场地…），在「属性」中填写</source>
            <translation>Add a cost by hand (materials, insurance, venue…) and fill it in under Properties</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="68" />
            <location filename="../../ui/budget_pane.py" line="375" />
            <source>删除费用</source>
            <translation>Delete cost</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="72" />
            <source>培训类别</source>
            <translation>Class of training</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="72" />
            <source>经费标准</source>
            <translation>Fee standard</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="73" />
            <source>伙食标准（元/人天）</source>
            <translation>Meals (yuan/person-day)</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="90" />
            <source>项目及明细</source>
            <translation>Item and lines</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="90" />
            <source>单价（元）</source>
            <translation>Unit price (yuan)</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="90" />
            <source>数量</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="90" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="91" />
            <source>金额（元）</source>
            <translation>Amount (yuan)</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="91" />
            <source>标准限额（元）</source>
            <translation>Cap (yuan)</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="91" />
            <source>说明</source>
            <translation>Basis</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="104" />
            <source>项目</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="104" />
            <source>标准</source>
            <translation>Standard</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="104" />
            <source>本方案</source>
            <translation>This plan</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="104" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="110" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="110" />
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="110" />
            <source>伙食（元/人天）</source>
            <translation>Meals (yuan/person-day)</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="119" />
            <source>预算</source>
            <translation>Budget</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="120" />
            <source>定额标准</source>
            <translation>Caps</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="121" />
            <source>每日</source>
            <translation>Days</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="162" />
            <source>{0}（本程序中没有）</source>
            <translation>{0} (not in this app)</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="170" />
            <source>参训 {0} 人，食宿 {1} 人，{2} 天</source>
            <translation>{0} trainees, {1} people housed and fed, {2} days</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="171" />
            <source>综合定额内合计 {0} 元</source>
            <translation>total under the cap {0} yuan</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="173" />
            <source>上限 {0} 元</source>
            <translation>cap {0} yuan</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="174" />
            <source>人均每天 {0} / {1} 元</source>
            <translation>per trainee-day {0} / {1} yuan</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="176" />
            <source>师资费 {0} 元</source>
            <translation>lecturers {0} yuan</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="177" />
            <source>总计 {0} 元</source>
            <translation>grand total {0} yuan</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="180" />
            <location filename="../../ui/budget_pane.py" line="240" />
            <source>超出定额 {0} 元</source>
            <translation>over the cap by {0} yuan</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="182" />
            <source>未超出定额</source>
            <translation>within the cap</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="184" />
            <source>未设定培训类别，未对照标准</source>
            <translation>no class of training set: not checked against a standard</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="193" />
            <source>还没有填写费用：设定培训类别，并在属性中填写房价、车辆费用等</source>
            <translation>No costs yet: set the class of training and enter room, vehicle and other prices under Properties</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="199" />
            <source>小计（综合定额内）</source>
            <translation>Subtotal (under the cap)</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="199" />
            <source>人均每天</source>
            <translation>Per trainee-day</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="199" />
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="251" />
            <source>（元/人天）</source>
            <translation> (yuan/trainee-day)</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="256" />
            <source>讲课费·{0}（元/学时）</source>
            <translation>Lecture fee, {0} (yuan/hour)</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="271" />
            <source>填写本方案自己的数额（如省级标准）；清空则按标准</source>
            <translation>Enter this plan's own figure (a provincial standard, say); empty: the standard's</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="279" />
            <source>先设定培训类别</source>
            <translation>Set the class of training first</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="295" />
            <source>第{0}天（{1}月{2}日）</source>
            <translation>Day {0} ({1}/{2})</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="304" />
            <source>修改第{0}天类型</source>
            <translation>Change the kind of day {0}</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="309" />
            <source>空：按伙食标准</source>
            <translation>Empty: the default meal price</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="331" />
            <source>修改经费设定</source>
            <translation>Change the budget settings</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="353" />
            <source>修改定额</source>
            <translation>Change a cap</translation>
        </message>
        <message>
            <location filename="../../ui/budget_pane.py" line="364" />
            <source>修改第{0}天伙食标准</source>
            <translation>Change the meal price of day {0}</translation>
        </message>
    </context>
    <context>
        <name>FieldDelegate</name>
        <message>
            <location filename="../../ui/tables.py" line="41" />
            <source>用“、”或逗号分隔</source>
            <translation>Separate with “、” or commas</translation>
        </message>
    </context>
    <context>
        <name>FindingsBadge</name>
        <message>
            <location filename="../../ui/panes.py" line="33" />
            <source>显示或隐藏检查结果（F5 重新检查）</source>
            <translation>Show or hide the findings (F5 checks again)</translation>
        </message>
        <message>
            <location filename="../../ui/panes.py" line="38" />
            <source>未发现问题</source>
            <translation>No problems found</translation>
        </message>
        <message>
            <location filename="../../ui/panes.py" line="41" />
            <source>错误 {error} · 警告 {warning} · 提示 {info}</source>
            <translation>Errors {error} · Warnings {warning} · Notes {info}</translation>
        </message>
    </context>
    <context>
        <name>FindingsPanel</name>
        <message>
            <location filename="../../ui/findings.py" line="36" />
            <source>未发现问题</source>
            <translation>No problems found</translation>
        </message>
    </context>
    <context>
        <name>GroupTree</name>
        <message>
            <location filename="../../ui/participants/groups_view.py" line="35" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/participants/groups_view.py" line="35" />
            <source>性别</source>
            <translation>Gender</translation>
        </message>
        <message>
            <location filename="../../ui/participants/groups_view.py" line="35" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location filename="../../ui/participants/groups_view.py" line="35" />
            <source>职务</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../ui/participants/groups_view.py" line="35" />
            <source>角色</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../../ui/participants/groups_view.py" line="36" />
            <source>分组原因</source>
            <translation>Why this group</translation>
        </message>
    </context>
    <context>
        <name>GuideBar</name>
        <message>
            <location filename="../../ui/guide.py" line="36" />
            <source>添加县（市、区）</source>
            <translation>Add place</translation>
        </message>
        <message>
            <location filename="../../ui/guide.py" line="36" />
            <source>添加教学点</source>
            <translation>Add site</translation>
        </message>
        <message>
            <location filename="../../ui/guide.py" line="36" />
            <source>排日程</source>
            <translation>Schedule sessions</translation>
        </message>
        <message>
            <location filename="../../ui/guide.py" line="36" />
            <source>导入学员名单</source>
            <translation>Import roster</translation>
        </message>
        <message>
            <location filename="../../ui/guide.py" line="37" />
            <source>打印与导出</source>
            <translation>Print and export</translation>
        </message>
        <message>
            <location filename="../../ui/guide.py" line="44" />
            <source>从这里开始：</source>
            <translation>Start here:</translation>
        </message>
        <message>
            <location filename="../../ui/guide.py" line="71" />
            <source>关闭入门指引（视图 → 入门指引 可再打开）</source>
            <translation>Close the guide (View → Getting started opens it again)</translation>
        </message>
        <message>
            <location filename="../../ui/guide.py" line="98" />
            <source>已完成，可再次添加</source>
            <translation>Done; you can add more</translation>
        </message>
        <message>
            <location filename="../../ui/guide.py" line="98" />
            <source>下一步</source>
            <translation>Next step</translation>
        </message>
        <message>
            <location filename="../../ui/guide.py" line="100" />
            <source>示例方案，可随意试改</source>
            <translation>The sample plan: try anything</translation>
        </message>
        <message>
            <location filename="../../ui/guide.py" line="101" />
            <source>这是示例方案（湖南 2025，时间与宾馆为示意），可随意试改；文件 → 新建 开始自己的方案。</source>
            <translation>This is the sample plan (Hunan 2025; times and hotels are illustrative): try anything; File → New starts your own plan.</translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewDialog</name>
        <message>
            <location filename="../../ui/material/dialogs.py" line="111" />
            <source>本地（对标对象）</source>
            <translation>Home place (to compare with)</translation>
        </message>
        <message>
            <location filename="../../ui/material/dialogs.py" line="115" />
            <source>导入</source>
            <translation>Import</translation>
        </message>
        <message>
            <location filename="../../ui/material/dialogs.py" line="133" />
            <source>跳过无法导入的 {0} 处，只导入其余部分</source>
            <translation>Leave out the {0} part(s) that cannot be imported, import the rest</translation>
        </message>
    </context>
    <context>
        <name>ItemTable</name>
        <message>
            <location filename="../../ui/tables.py" line="88" />
            <source>筛选…</source>
            <translation>Filter…</translation>
        </message>
        <message>
            <location filename="../../ui/tables.py" line="116" />
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location filename="../../ui/tables.py" line="119" />
            <source>删除所选条目（可撤销）</source>
            <translation>Delete the selected items (can be undone)</translation>
        </message>
        <message>
            <location filename="../../ui/tables.py" line="127" />
            <source>添加</source>
            <translation>Add</translation>
        </message>
        <message>
            <location filename="../../ui/tables.py" line="128" />
            <source>添加一行（所选的教学点、现场教学或县（市、区）作为来源）</source>
            <translation>Add a row (the selected site, session or place as its source)</translation>
        </message>
        <message>
            <location filename="../../ui/tables.py" line="174" />
            <source>共 {0} 项</source>
            <translation>{0} items</translation>
        </message>
        <message>
            <location filename="../../ui/tables.py" line="176" />
            <source>{0} / {1} 项</source>
            <translation>{0} of {1} items</translation>
        </message>
        <message>
            <location filename="../../ui/tables.py" line="203" />
            <source>添加{kind}</source>
            <translation>Add {kind}</translation>
        </message>
        <message>
            <location filename="../../ui/tables.py" line="225" />
            <source>删除{kind}「{name}」</source>
            <translation>Delete {kind} “{name}”</translation>
        </message>
        <message>
            <location filename="../../ui/tables.py" line="228" />
            <source>删除 {count} 个{kind}</source>
            <translation>Delete {count} {kind}s</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="135" />
            <source>日程时间轴</source>
            <translation>Timeline</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="136" />
            <source>县（市、区）</source>
            <translation>Places</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="137" />
            <source>现场教学点</source>
            <translation>Sites</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="138" />
            <source>学员</source>
            <translation>Participants</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="139" />
            <source>对标指标</source>
            <translation>Indicators</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="140" />
            <source>学习体会</source>
            <translation>Reflections</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="141" />
            <source>举措清单</source>
            <translation>Measures</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="169" />
            <source>方案大纲</source>
            <translation>Outline</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="170" />
            <source>属性</source>
            <translation>Properties</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="172" />
            <source>地图</source>
            <translation>Map</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="173" />
            <source>检查结果</source>
            <translation>Findings</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="88" />
            <location filename="../../ui/main_window.py" line="176" />
            <source>经费</source>
            <translation>Budget</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="89" />
            <source>显示或隐藏经费预算</source>
            <translation>Show or hide the budget</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="213" />
            <source>新建(&amp;N)…</source>
            <translation>&amp;New…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="214" />
            <source>打开(&amp;O)…</source>
            <translation>&amp;Open…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="215" />
            <source>另存为(&amp;A)…</source>
            <translation>Save &amp;As…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="216" />
            <source>打印与导出(&amp;P)…</source>
            <translation>&amp;Print and Export…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="217" />
            <source>关闭(&amp;C)</source>
            <translation>&amp;Close</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="218" />
            <location filename="../../ui/main_window.py" line="291" />
            <source>撤销(&amp;U)</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="220" />
            <location filename="../../ui/main_window.py" line="295" />
            <source>重做(&amp;R)</source>
            <translation>&amp;Redo</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="222" />
            <source>删除(&amp;D)</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="223" />
            <source>添加县（市、区）(&amp;P)…</source>
            <translation>Add &amp;Place…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="226" />
            <source>检查方案(&amp;K)</source>
            <translation>Chec&amp;k Plan</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="236" />
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="238" />
            <source>最近打开(&amp;R)</source>
            <translation>&amp;Recent Files</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="244" />
            <source>编辑(&amp;E)</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="248" />
            <location filename="../../ui/routing/actions.py" line="260" />
            <location filename="../../ui/routing/actions.py" line="276" />
            <source>方案(&amp;P)</source>
            <translation>&amp;Plan</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="256" />
            <source>视图(&amp;V)</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="257" />
            <source>入门指引</source>
            <translation>Getting started</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="259" />
            <source>设置(&amp;S)</source>
            <translation>&amp;Settings</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="260" />
            <source>界面语言</source>
            <translation>Language</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="261" />
            <source>跟随系统</source>
            <translation>System default</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="266" />
            <source>常用</source>
            <translation>Common</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="291" />
            <source>撤销 {action}</source>
            <translation>Undo {action}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="295" />
            <source>重做 {action}</source>
            <translation>Redo {action}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="309" />
            <source>考察方案编排</source>
            <translation>Study Tour Planner</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="359" />
            <location filename="../../ui/main_window.py" line="379" />
            <source>添加「{name}」</source>
            <translation>Add “{name}”</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="344" />
            <source>删除所选</source>
            <translation>Delete selection</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="134" />
            <source>日程总览</source>
            <translation>Overview</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="224" />
            <source>添加教学点(&amp;S)…</source>
            <translation>Add &amp;Site…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="225" />
            <source>安排现场教学(&amp;E)…</source>
            <translation>Schedule S&amp;ession…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="371" />
            <source>请在地图上点选位置</source>
            <translation>Click the place on the map</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="397" />
            <source>安排现场教学「{site}」</source>
            <translation>Schedule a session at “{site}”</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="423" />
            <source>考察方案 (*{suffix});;所有文件 (*)</source>
            <translation>Study-tour plans (*{suffix});;All files (*)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="431" />
            <source>新建考察方案</source>
            <translation>New Plan</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="437" />
            <source>打开考察方案</source>
            <translation>Open Plan</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="445" />
            <source>另存为</source>
            <translation>Save As</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="476" />
            <source>{error}

已改为打开示例方案。
The sample plan is shown instead.</source>
            <translation>{error}

The sample plan is shown instead.
已改为打开示例方案。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="511" />
            <source>界面语言将在下次启动时生效。
The language changes at the next start.</source>
            <translation>The language changes at the next start.
界面语言将在下次启动时生效。</translation>
        </message>
    </context>
    <context>
        <name>Marks</name>
        <message>
            <location filename="../../ui/marks.py" line="72" />
            <source>错误：</source>
            <translation>Error: </translation>
        </message>
        <message>
            <location filename="../../ui/marks.py" line="73" />
            <source>提示：</source>
            <translation>Note: </translation>
        </message>
        <message>
            <location filename="../../ui/marks.py" line="73" />
            <source>警告：</source>
            <translation>Warning: </translation>
        </message>
    </context>
    <context>
        <name>MaterialActions</name>
        <message>
            <location filename="../../ui/material/__init__.py" line="31" />
            <source>编辑培训通知(&amp;N)…</source>
            <translation>Edit the training &amp;notice…</translation>
        </message>
        <message>
            <location filename="../../ui/material/__init__.py" line="32" />
            <source>培训通知的文字，方案中的内容打印时自动填入</source>
            <translation>The training notice's text; the plan's facts are filled in when it is printed</translation>
        </message>
        <message>
            <location filename="../../ui/material/__init__.py" line="34" />
            <source>导入对标指标(&amp;I)…</source>
            <translation>Import &amp;indicators…</translation>
        </message>
        <message>
            <location filename="../../ui/material/__init__.py" line="35" />
            <source>从 Excel 导入各县（市、区）和本地的指标（第一列为地区）</source>
            <translation>Import figures per place and for the home place from Excel (first column: 地区)</translation>
        </message>
        <message>
            <location filename="../../ui/material/__init__.py" line="37" />
            <source>导入学习体会(&amp;R)…</source>
            <translation>Import &amp;reflections…</translation>
        </message>
        <message>
            <location filename="../../ui/material/__init__.py" line="38" />
            <source>从文件夹导入每人一篇的学习体会（.docx 或 .txt）</source>
            <translation>Import one reflection per participant from a folder (.docx or .txt)</translation>
        </message>
        <message>
            <location filename="../../ui/material/__init__.py" line="40" />
            <source>读回举措清单(&amp;M)…</source>
            <translation>Read the &amp;measures list back…</translation>
        </message>
        <message>
            <location filename="../../ui/material/__init__.py" line="41" />
            <source>读回导出后在 Excel 中更新的举措清单</source>
            <translation>Read back the measures list after it was updated in Excel</translation>
        </message>
        <message>
            <location filename="../../ui/material/__init__.py" line="43" />
            <source>资料(&amp;M)</source>
            <translation>&amp;Material</translation>
        </message>
        <message>
            <location filename="../../ui/material/__init__.py" line="65" />
            <source>修改培训通知</source>
            <translation>Edit the training notice</translation>
        </message>
        <message>
            <location filename="../../ui/material/__init__.py" line="80" />
            <source>导入对标指标</source>
            <translation>Import indicators</translation>
        </message>
        <message>
            <location filename="../../ui/material/__init__.py" line="88" />
            <source>导入学习体会</source>
            <translation>Import reflections</translation>
        </message>
        <message>
            <location filename="../../ui/material/__init__.py" line="95" />
            <source>读回举措清单</source>
            <translation>Read the measures list back</translation>
        </message>
    </context>
    <context>
        <name>NewPlanDialog</name>
        <message>
            <location filename="../../ui/dialogs.py" line="43" />
            <source>新建考察方案</source>
            <translation>New Plan</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="44" />
            <location filename="../../ui/dialogs.py" line="60" />
            <source>新培训班</source>
            <translation>New programme</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="52" />
            <source>培训班名称</source>
            <translation>Programme title</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="53" />
            <source>开始日期</source>
            <translation>First day</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="54" />
            <source>天数</source>
            <translation>Days</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs.py" line="55" />
            <source>分组数</source>
            <translation>Groups</translation>
        </message>
    </context>
    <context>
        <name>NoticeDialog</name>
        <message>
            <location filename="../../ui/material/dialogs.py" line="31" />
            <source>编辑培训通知</source>
            <translation>Edit the training notice</translation>
        </message>
        <message>
            <location filename="../../ui/material/dialogs.py" line="39" />
            <source>通知正文</source>
            <translation>Notice text</translation>
        </message>
        <message>
            <location filename="../../ui/material/dialogs.py" line="40" />
            <source>填入方案内容后</source>
            <translation>As printed (fields filled in)</translation>
        </message>
        <message>
            <location filename="../../ui/material/dialogs.py" line="52" />
            <source>双击插入方案中的内容（打印时填入）。第一行为标题；“一、”“（一）”开头的行为各级标题；最后空一行写发文机关和成文日期。</source>
            <translation>Double-click to insert a fact of the plan (filled in when printed). The first line is the title; lines starting 一、 or （一） are headings; after a last blank line come the organiser and the date.</translation>
        </message>
        <message>
            <location filename="../../ui/material/dialogs.py" line="64" />
            <source>恢复默认文本</source>
            <translation>Restore the default text</translation>
        </message>
        <message>
            <location filename="../../ui/material/dialogs.py" line="88" />
            <source>以下内容不是方案中的字段，将按原样打印：{0}</source>
            <translation>These are no fields of the plan and are printed as typed: {0}</translation>
        </message>
    </context>
    <context>
        <name>OptimiseDialog</name>
        <message>
            <location filename="../../ui/routing/actions.py" line="49" />
            <source>优化路线</source>
            <translation>Optimise route</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="52" />
            <source>全部组</source>
            <translation>All groups</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="57" />
            <source>全部日期</source>
            <translation>All days</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="62" />
            <source>允许延长日程（可能增加警告）</source>
            <translation>Allow longer days (may add warnings)</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="63" />
            <source>默认不让任何一天超出日程时间更多，也不增加检查警告；勾选后为减少行车可以放宽</source>
            <translation>By default no day runs further past its window and no check warning is added; tick to allow that for less travel</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="64" />
            <source>组</source>
            <translation>Group</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="65" />
            <source>日期</source>
            <translation>Day</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="66" />
            <source>最长计算时间</source>
            <translation>Time limit</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="68" />
            <source>开始优化</source>
            <translation>Optimise</translation>
        </message>
    </context>
    <context>
        <name>Outline</name>
        <message>
            <location filename="../../ui/outline.py" line="57" />
            <source>{group}（{count} 个县市区）</source>
            <translation>{group} ({count} places)</translation>
        </message>
        <message>
            <location filename="../../ui/outline.py" line="72" />
            <source>已固定时间</source>
            <translation>Time pinned</translation>
        </message>
        <message>
            <location filename="../../ui/outline.py" line="102" />
            <source>{time} 【全体】{title}</source>
            <translation>{time} [All] {title}</translation>
        </message>
        <message>
            <location filename="../../ui/outline.py" line="105" />
            <source>{time} {travel} → {site}</source>
            <translation>{time} {travel} → {site}</translation>
        </message>
    </context>
    <context>
        <name>ParticipantActions</name>
        <message>
            <location filename="../../ui/participants/__init__.py" line="32" />
            <source>导入学员名单(&amp;I)…</source>
            <translation>&amp;Import roster…</translation>
        </message>
        <message>
            <location filename="../../ui/participants/__init__.py" line="34" />
            <source>从 Excel 或 CSV 名单导入学员（先预览，再确认）</source>
            <translation>Import participants from an Excel or CSV roster (preview first, then confirm)</translation>
        </message>
        <message>
            <location filename="../../ui/participants/__init__.py" line="36" />
            <source>学员自动编组(&amp;G)…</source>
            <translation>Assign to &amp;Groups…</translation>
        </message>
        <message>
            <location filename="../../ui/participants/__init__.py" line="37" />
            <source>把未分组的学员编入各组（按座位、兴趣与单位），已在组中的人不动；也可全部重新编组</source>
            <translation>Place participants without a group (by seats, interests and units); nobody already in a group moves; or place everyone again</translation>
        </message>
        <message>
            <location filename="../../ui/participants/__init__.py" line="39" />
            <source>分组调整(&amp;D)</source>
            <translation>Groups an&amp;d people</translation>
        </message>
        <message>
            <location filename="../../ui/participants/__init__.py" line="40" />
            <source>显示各组学员，拖动调整</source>
            <translation>Show each group's people; drag to move them</translation>
        </message>
        <message>
            <location filename="../../ui/participants/__init__.py" line="42" />
            <source>学员(&amp;T)</source>
            <translation>Par&amp;ticipants</translation>
        </message>
        <message>
            <location filename="../../ui/participants/__init__.py" line="59" />
            <source>分组</source>
            <translation>Groups</translation>
        </message>
        <message>
            <location filename="../../ui/participants/__init__.py" line="83" />
            <source>选择学员名单</source>
            <translation>Choose a roster</translation>
        </message>
        <message>
            <location filename="../../ui/participants/__init__.py" line="88" />
            <source>导入学员名单</source>
            <translation>Import roster</translation>
        </message>
        <message>
            <location filename="../../ui/participants/__init__.py" line="94" />
            <source>学员自动编组</source>
            <translation>Assign participants to groups</translation>
        </message>
    </context>
    <context>
        <name>ParticipantGroupsView</name>
        <message>
            <location filename="../../ui/participants/groups_view.py" line="101" />
            <source>拖动学员到另一组即可调整；调整后的学员自动锁定。</source>
            <translation>Drag people to another group to move them; moved people are locked there.</translation>
        </message>
        <message>
            <location filename="../../ui/participants/groups_view.py" line="141" />
            <location filename="../../ui/participants/groups_view.py" line="176" />
            <source>未分组</source>
            <translation>No group</translation>
        </message>
        <message>
            <location filename="../../ui/participants/groups_view.py" line="145" />
            <source>%1（%2 人）</source>
            <translation>%1 (%2 people)</translation>
        </message>
        <message>
            <location filename="../../ui/participants/groups_view.py" line="152" />
            <source>超员：缺 %1 个座位</source>
            <translation>Over capacity: %1 seat(s) short</translation>
        </message>
        <message>
            <location filename="../../ui/participants/groups_view.py" line="163" />
            <source>已锁定：自动编组不会移动此人</source>
            <translation>Locked: automatic grouping will not move this person</translation>
        </message>
        <message>
            <location filename="../../ui/participants/groups_view.py" line="179" />
            <source>将「%1」移到%2</source>
            <translation>Move '%1' to %2</translation>
        </message>
        <message>
            <location filename="../../ui/participants/groups_view.py" line="181" />
            <source>将 %1 人移到%2</source>
            <translation>Move %1 people to %2</translation>
        </message>
    </context>
    <context>
        <name>Plan</name>
        <message>
            <location filename="../../ui/i18n.py" line="72" />
            <source>{mode} 约 {duration}</source>
            <translation>{mode} about {duration}</translation>
        </message>
        <message>
            <location filename="../../ui/i18n.py" line="84" />
            <source>第{day}天（{month}月{date}日）</source>
            <translation>Day {day} ({date} {month_name})</translation>
        </message>
        <message>
            <location filename="../../ui/i18n.py" line="90" />
            <source>{month}月{date}日 第{day}天</source>
            <translation>{date} {month_name}, day {day}</translation>
        </message>
    </context>
    <context>
        <name>PlanGroupsDialog</name>
        <message>
            <location filename="../../ui/routing/actions.py" line="80" />
            <source>分组规划</source>
            <translation>Plan groups</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="89" />
            <source>均匀分布（各天一样满）</source>
            <translation>Even (days equally full)</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="90" />
            <source>靠前安排（空闲日留在最后）</source>
            <translation>Front (free days at the end)</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="95" />
            <source> 小时</source>
            <translation> h</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="96" />
            <source>每天各站之间的行车时间上限，出发和返程的长途不计</source>
            <translation>Most travel a day between stops; the journey out and home is not counted</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="98" />
            <source>组数</source>
            <translation>Groups</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="99" />
            <source>天数</source>
            <translation>Days</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="100" />
            <source>日程分布</source>
            <translation>Spread</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="101" />
            <source>每天最多行车</source>
            <translation>Most travel a day</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="102" />
            <source>最长计算时间</source>
            <translation>Time limit</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="103" />
            <source>开始规划</source>
            <translation>Plan</translation>
        </message>
    </context>
    <context>
        <name>PrintDialog</name>
        <message>
            <location filename="../../ui/printing/dialog.py" line="82" />
            <source>打印与导出</source>
            <translation>Print and Export</translation>
        </message>
        <message>
            <location filename="../../ui/printing/dialog.py" line="94" />
            <source>全部组</source>
            <translation>All groups</translation>
        </message>
        <message>
            <location filename="../../ui/printing/dialog.py" line="98" />
            <source>全部学员</source>
            <translation>All participants</translation>
        </message>
        <message>
            <location filename="../../ui/printing/dialog.py" line="105" />
            <source>隐藏电话号码中间四位</source>
            <translation>Mask the middle four digits of phone numbers</translation>
        </message>
        <message>
            <location filename="../../ui/printing/dialog.py" line="106" />
            <source>发给全体学员的文档默认隐藏；个人行程、联络通讯录和乘车名单默认显示完整号码</source>
            <translation>Masked by default in documents for the whole delegation; shown in full in the personal itinerary, the contact list and the bus list</translation>
        </message>
        <message>
            <location filename="../../ui/printing/dialog.py" line="111" />
            <source>文档</source>
            <translation>Document</translation>
        </message>
        <message>
            <location filename="../../ui/printing/dialog.py" line="112" />
            <source>组</source>
            <translation>Group</translation>
        </message>
        <message>
            <location filename="../../ui/printing/dialog.py" line="113" />
            <source>学员</source>
            <translation>Participants</translation>
        </message>
        <message>
            <location filename="../../ui/printing/dialog.py" line="114" />
            <source>电话号码</source>
            <translation>Phone numbers</translation>
        </message>
        <message>
            <location filename="../../ui/printing/dialog.py" line="115" />
            <source>导出格式</source>
            <translation>Export format</translation>
        </message>
        <message>
            <location filename="../../ui/printing/dialog.py" line="117" />
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location filename="../../ui/printing/dialog.py" line="118" />
            <source>导出…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <location filename="../../ui/printing/dialog.py" line="191" />
            <source>正文字体：{0}（本机字体）</source>
            <translation>Body text in {0} (installed on this computer)</translation>
        </message>
        <message>
            <location filename="../../ui/printing/dialog.py" line="191" />
            <source>正文字体：{0}（随程序提供；本机没有仿宋）</source>
            <translation>Body text in {0} (shipped with the app; no 仿宋 FangSong on this computer)</translation>
        </message>
        <message>
            <location filename="../../ui/printing/dialog.py" line="198" />
            <source>正在生成预览…</source>
            <translation>Making the preview…</translation>
        </message>
        <message>
            <location filename="../../ui/printing/dialog.py" line="263" />
            <source>共 {0} 页</source>
            <translation>{0} pages</translation>
        </message>
        <message>
            <location filename="../../ui/printing/dialog.py" line="287" />
            <source>导出</source>
            <translation>Export</translation>
        </message>
        <message>
            <location filename="../../ui/printing/dialog.py" line="298" />
            <source>导出失败，未写入任何文件：%1</source>
            <translation>The export failed; no file was written: %1</translation>
        </message>
    </context>
    <context>
        <name>PropertyEditor</name>
        <message>
            <location filename="../../ui/properties.py" line="57" />
            <source>选择一个条目以查看和编辑其属性</source>
            <translation>Select an item to see and edit its properties</translation>
        </message>
        <message>
            <location filename="../../ui/properties.py" line="318" />
            <source>，晚到 {0}</source>
            <translation>, {0} late</translation>
        </message>
        <message>
            <location filename="../../ui/properties.py" line="323" />
            <source>在此安排的现场教学：{0} 场</source>
            <translation>Sessions here: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/properties.py" line="326" />
            <source>现场教学点：{0} 个</source>
            <translation>Sites: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/properties.py" line="330" />
            <source>学员 {0} 人，现场教学 {1} 场</source>
            <translation>{0} participants, {1} sessions</translation>
        </message>
        <message>
            <location filename="../../ui/properties.py" line="349" />
            <source>按此计时：{0}，约 {1}</source>
            <translation>Timed as: {0}, about {1}</translation>
        </message>
        <message>
            <location filename="../../ui/properties.py" line="356" />
            <source>全程（门到门）：</source>
            <translation>Door to door:</translation>
        </message>
        <message>
            <location filename="../../ui/properties.py" line="384" />
            <source>可选方式（门到门）：</source>
            <translation>Ways to go (door to door):</translation>
        </message>
        <message>
            <location filename="../../ui/properties.py" line="395" />
            <source>当前</source>
            <translation>Current</translation>
        </message>
        <message>
            <location filename="../../ui/properties.py" line="398" />
            <source>改为{0}</source>
            <translation>Go by {0}</translation>
        </message>
        <message>
            <location filename="../../ui/properties.py" line="416" />
            <source>「{0}」改为{1}</source>
            <translation>“{0}” by {1}</translation>
        </message>
        <message>
            <location filename="../../ui/properties.py" line="430" />
            <source>未排入日程</source>
            <translation>Not in the timetable</translation>
        </message>
        <message>
            <location filename="../../ui/properties.py" line="433" />
            <source>日程：{0}月{1}日 {2}–{3}（{4}）</source>
            <translation>Scheduled: {1}/{0} {2}–{3} ({4})</translation>
        </message>
        <message>
            <location filename="../../ui/properties.py" line="436" />
            <source>固定时间赶不上：晚到 {0}</source>
            <translation>Cannot make its pinned time: {0} late</translation>
        </message>
        <message>
            <location filename="../../ui/properties.py" line="447" />
            <source>此前行车：{0}，约 {1}（{2}–{3}）</source>
            <translation>Travel before: {0}, about {1} ({2}–{3})</translation>
        </message>
        <message>
            <location filename="../../ui/properties.py" line="452" />
            <source>此前无行车</source>
            <translation>No travel before</translation>
        </message>
    </context>
    <context>
        <name>RosterImportDialog</name>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="36" />
            <source>导入学员名单</source>
            <translation>Import roster</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="46" />
            <source>选择文件…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="51" />
            <source>自动</source>
            <translation>Automatic</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="57" />
            <source>名单文件</source>
            <translation>Roster file</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="58" />
            <source>工作表</source>
            <translation>Sheet</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="59" />
            <source>表头所在行</source>
            <translation>Header row</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="62" />
            <source>名单中的列</source>
            <translation>Column in the roster</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="62" />
            <source>导入为</source>
            <translation>Import as</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="65" />
            <location filename="../../ui/participants/import_dialog.py" line="69" />
            <source>行号</source>
            <translation>Row</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="65" />
            <location filename="../../ui/participants/import_dialog.py" line="69" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="65" />
            <source>性别</source>
            <translation>Gender</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="65" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="66" />
            <source>职务</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="66" />
            <source>手机</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="66" />
            <source>导入后</source>
            <translation>Result</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="69" />
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="74" />
            <source>可导入</source>
            <translation>Good rows</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="75" />
            <source>有误的行</source>
            <translation>Bad rows</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="76" />
            <source>列对应</source>
            <translation>Columns</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="80" />
            <source>跳过有误的行，只导入正确的行</source>
            <translation>Skip the bad rows; import only the good ones</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="83" />
            <source>导入</source>
            <translation>Import</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="104" />
            <source>选择学员名单</source>
            <translation>Choose a roster</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="179" />
            <source>（第 %1 列）</source>
            <translation>(column %1)</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="181" />
            <source>（不导入）</source>
            <translation>(not imported)</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="205" />
            <source>可导入（%1）</source>
            <translation>Good rows (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="206" />
            <source>有误的行（%1）</source>
            <translation>Bad rows (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/participants/import_dialog.py" line="209" />
            <source>表头在第 %1 行。新增 %2 人，更新 %3 人，无变化 %4 人；有误 %5 行。</source>
            <translation>Header on row %1. %2 new, %3 updated, %4 unchanged; %5 bad row(s).</translation>
        </message>
    </context>
    <context>
        <name>RoutePreviewDialog</name>
        <message>
            <location filename="../../ui/routing/preview.py" line="106" />
            <source>共节省行车 %1 分钟（优化前 %2 分钟 → 优化后 %3 分钟）</source>
            <translation>Travel saved: %1 min (before %2 min → after %3 min)</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="109" />
            <source>当前顺序已是找到的最好顺序，没有改动。</source>
            <translation>The current order is already the best found: nothing to change.</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="123" />
            <source>组</source>
            <translation>Group</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="123" />
            <source>天</source>
            <translation>Day</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="123" />
            <source>原顺序</source>
            <translation>Current order</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="123" />
            <source>新顺序</source>
            <translation>New order</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="124" />
            <source>优化前（分钟）</source>
            <translation>Before (min)</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="124" />
            <source>优化后（分钟）</source>
            <translation>After (min)</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="124" />
            <source>节省（分钟）</source>
            <translation>Saved (min)</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="155" />
            <source>应用</source>
            <translation>Apply</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="156" />
            <source>放弃</source>
            <translation>Discard</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="167" />
            <source>地图不可用（缺少 QtWebEngine）</source>
            <translation>No map (QtWebEngine is missing)</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="172" />
            <source>改动的日程（点选查看）</source>
            <translation>Changed days (pick one to look at)</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="176" />
            <source>全部改动（%1 天）</source>
            <translation>All changes (%1 days)</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="184" />
            <source>虚线（灰）：原路线；实线（组的颜色）：新路线</source>
            <translation>Dashed grey: old route; solid in the group's colour: new route</translation>
        </message>
    </context>
    <context>
        <name>RoutingActions</name>
        <message>
            <location filename="../../ui/routing/actions.py" line="120" />
            <source>优化路线(&amp;O)…</source>
            <translation>&amp;Optimise route…</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="122" />
            <source>在时间限制内优化所选组或日期（或全部）的路线顺序，先预览再应用</source>
            <translation>Improve the order of the selected group's or day's routes (or all) within a time limit; preview before applying</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="124" />
            <source>分组规划(&amp;G)…</source>
            <translation>Plan &amp;groups…</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="126" />
            <source>把各县（市、区）分给若干组并排好每天的路线，另存为新方案</source>
            <translation>Split the places among groups and lay out each day's route, as a new plan</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="137" />
            <location filename="../../ui/routing/actions.py" line="157" />
            <source>路线规划</source>
            <translation>Route planning</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="137" />
            <source>上一次计算还没有结束。</source>
            <translation>The previous calculation has not finished yet.</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="183" />
            <source>正在优化路线…</source>
            <translation>Optimising routes…</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="195" />
            <location filename="../../ui/routing/actions.py" line="200" />
            <source>优化路线</source>
            <translation>Optimise route</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="195" />
            <source>方案在计算期间已改动，请重新优化。</source>
            <translation>The plan changed during the calculation; please optimise again.</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="222" />
            <source>正在分组规划…</source>
            <translation>Planning groups…</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="241" />
            <source>-分组规划</source>
            <translation>-groups</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="243" />
            <source>保存分组规划</source>
            <translation>Save the planned groups</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="247" />
            <location filename="../../ui/routing/actions.py" line="252" />
            <source>分组规划</source>
            <translation>Plan groups</translation>
        </message>
        <message>
            <location filename="../../ui/routing/actions.py" line="247" />
            <source>请另选文件名：不能覆盖正在编辑的方案。</source>
            <translation>Choose another file name: the plan being edited cannot be overwritten.</translation>
        </message>
    </context>
    <context>
        <name>RoutingDialogs</name>
        <message>
            <location filename="../../ui/routing/actions.py" line="40" />
            <source> 秒</source>
            <translation> s</translation>
        </message>
    </context>
    <context>
        <name>RoutingPreview</name>
        <message>
            <location filename="../../ui/routing/preview.py" line="69" />
            <source>第%1天</source>
            <translation>Day %1</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="82" />
            <source>全程</source>
            <translation>Whole trip</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="209" />
            <location filename="../../ui/routing/preview.py" line="232" />
            <source>已取消：显示的是取消前找到的最好结果。</source>
            <translation>Cancelled: this is the best result found before cancelling.</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="211" />
            <source>计算时间已用完：加长计算时间可能找到更好的路线。</source>
            <translation>The time limit stopped the search: more time may find a better route.</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="229" />
            <source>规划结果有 %1 个错误，应用后可在检查结果中查看。</source>
            <translation>The result has %1 error(s); see them in the findings after applying.</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="213" />
            <source>检查错误从 %1 个减少到 %2 个。</source>
            <translation>Check errors go down from %1 to %2.</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="34" />
            <source>%1 · 第%2天</source>
            <translation>%1 · day %2</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="36" />
            <source>（节省 %1 分钟）</source>
            <translation> (saves %1 min)</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="216" />
            <source>优化路线预览</source>
            <translation>Optimise route: preview</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="224" />
            <source>应用后将另存为新的方案文件并打开；当前方案不变。</source>
            <translation>Applying saves this as a new plan file and opens it; the current plan is not changed.</translation>
        </message>
        <message>
            <location filename="../../ui/routing/preview.py" line="233" />
            <source>分组规划预览</source>
            <translation>Plan groups: preview</translation>
        </message>
    </context>
    <context>
        <name>Task</name>
        <message>
            <location filename="../../ui/tasks.py" line="55" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>Timeline</name>
        <message>
            <location filename="../../ui/timeline.py" line="350" />
            <source>固定于 {time}</source>
            <translation>Pin at {time}</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="431" />
            <source>选择日期 / 全部日程</source>
            <translation>Choose a day / the whole trip</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="432" />
            <source>缩小（Ctrl+滚轮）</source>
            <translation>Zoom out (Ctrl+wheel)</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="433" />
            <source>放大（Ctrl+滚轮）</source>
            <translation>Zoom in (Ctrl+wheel)</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="434" />
            <source>适合宽度</source>
            <translation>Fit width</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="434" />
            <source>按窗口宽度显示全天</source>
            <translation>Show the whole day in the window's width</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="441" />
            <source>日程：</source>
            <translation>Schedule:</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="444" />
            <source>缩放：</source>
            <translation>Zoom:</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="613" />
            <source>第{day}天</source>
            <translation>day {day}</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="614" />
            <source>{group}第{day}天</source>
            <translation>{group}, day {day}</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="616" />
            <source>固定「{name}」于{where} {time}</source>
            <translation>Pin “{name}” at {where} {time}</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="620" />
            <location filename="../../ui/timeline.py" line="623" />
            <source>移动「{name}」到{target}</source>
            <translation>Move “{name}” to {target}</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="622" />
            <source>调整「{name}」的顺序</source>
            <translation>Reorder “{name}”</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="729" />
            <source>全部日程</source>
            <translation>Whole trip</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="804" />
            <location filename="../../ui/timeline.py" line="854" />
            <source>迟到 {duration}</source>
            <translation>late by {duration}</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="820" />
            <source>{where}  {times}（{duration}）</source>
            <translation>{where}  {times} ({duration})</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="818" />
            <source>现场教学点：{site}</source>
            <translation>Site: {site}</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="823" />
            <source>教学主题：{theme}</source>
            <translation>Theme: {theme}</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="825" />
            <location filename="../../ui/timeline.py" line="841" />
            <source>主持/讲解：{host}</source>
            <translation>Host: {host}</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="827" />
            <source>已固定时间（拖动时按住 Shift 也会固定）</source>
            <translation>Pinned time (hold Shift while dragging to pin)</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="830" />
            <source>全体活动</source>
            <translation>Plenary</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="835" />
            <source>全体 · {title}</source>
            <translation>All · {title}</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="837" />
            <source>全体活动：{title}</source>
            <translation>Plenary: {title}</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="838" />
            <location filename="../../ui/timeline.py" line="863" />
            <source>地点：{site}</source>
            <translation>Venue: {site}</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="848" />
            <source>行车：{origin} → {site}</source>
            <translation>Travel: {origin} → {site}</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="857" />
            <source>来不及：{start} 开始的「{item}」要晚到 {duration}</source>
            <translation>Too slow: arrives {duration} late for “{item}” at {start}</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="861" />
            <source>午餐</source>
            <translation>Lunch</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="861" />
            <source>晚餐</source>
            <translation>Dinner</translation>
        </message>
    </context>
    <context>
        <name>fields</name>
        <message>
            <location filename="../../ui/columns.py" line="105" />
            <location filename="../../ui/columns.py" line="138" />
            <source>是</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../../ui/columns.py" line="105" />
            <location filename="../../ui/columns.py" line="138" />
            <source>否</source>
            <translation>No</translation>
        </message>
        <message>
            <location filename="../../ui/columns.py" line="135" />
            <source>（未填）</source>
            <translation>(not set)</translation>
        </message>
        <message>
            <location filename="../../ui/columns.py" line="143" />
            <source>（无）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <location filename="../../ui/columns.py" line="470" />
            <source>{group} 第{night}晚 {hotel}</source>
            <translation>{group}, night {night}, {hotel}</translation>
        </message>
        <message>
            <location filename="../../ui/columns.py" line="485" />
            <source>修改「{name}」的{field}</source>
            <translation>Change {field} of “{name}”</translation>
        </message>
        <message>
            <source>培训班名称</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>主办单位</source>
            <translation>Organiser</translation>
        </message>
        <message>
            <source>教学主题</source>
            <translation>Themes</translation>
        </message>
        <message>
            <source>每日开始</source>
            <translation>Day starts</translation>
        </message>
        <message>
            <source>每日结束</source>
            <translation>Day ends</translation>
        </message>
        <message>
            <source>午餐开始</source>
            <translation>Lunch from</translation>
        </message>
        <message>
            <source>午餐结束</source>
            <translation>Lunch until</translation>
        </message>
        <message>
            <source>集合出发地点</source>
            <translation>Leaves from</translation>
        </message>
        <message>
            <source>同培训班</source>
            <translation>As the programme</translation>
        </message>
        <message>
            <source>返回地点</source>
            <translation>Returns to</translation>
        </message>
        <message>
            <source>同出发地点</source>
            <translation>Where it left from</translation>
        </message>
        <message>
            <source>出发日</source>
            <translation>Departure day</translation>
        </message>
        <message>
            <source>第 1 天</source>
            <translation>Day 1</translation>
        </message>
        <message>
            <source>返回日</source>
            <translation>Return day</translation>
        </message>
        <message>
            <source>最后一天</source>
            <translation>The last day</translation>
        </message>
        <message>
            <source>出发时间</source>
            <translation>Leaves at</translation>
        </message>
        <message>
            <source>最晚返回时间</source>
            <translation>Home by</translation>
        </message>
        <message>
            <source>说明</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>全称</source>
            <translation>Full name</translation>
        </message>
        <message>
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>区划代码</source>
            <translation>Division code</translation>
        </message>
        <message>
            <source>经度</source>
            <translation>Longitude</translation>
        </message>
        <message>
            <source>纬度</source>
            <translation>Latitude</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>县（市、区）</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>开放时间</source>
            <translation>Opens</translation>
        </message>
        <message>
            <source>关闭时间</source>
            <translation>Closes</translation>
        </message>
        <message>
            <source>参观时长（分钟）</source>
            <translation>Visit (min)</translation>
        </message>
        <message>
            <source>容纳人数</source>
            <translation>Capacity</translation>
        </message>
        <message>
            <source>联系人</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>联系电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>现场教学费（元）</source>
            <translation>Teaching fee (yuan)</translation>
        </message>
        <message>
            <source>教学费计费方式</source>
            <translation>Teaching fee per</translation>
        </message>
        <message>
            <source>考察提问（每行一问）</source>
            <translation>Questions to ask (one a line)</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>性别</source>
            <translation>Gender</translation>
        </message>
        <message>
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>职务</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>组</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>角色</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>关注主题</source>
            <translation>Interests</translation>
        </message>
        <message>
            <source>民族</source>
            <translation>Ethnicity</translation>
        </message>
        <message>
            <source>身份证号</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>房型</source>
            <translation>Room</translation>
        </message>
        <message>
            <source>固定分组</source>
            <translation>Kept in group</translation>
        </message>
        <message>
            <source>分组理由</source>
            <translation>Why this group</translation>
        </message>
        <message>
            <source>标题</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>形式</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>现场教学点</source>
            <translation>Site</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>开始时间</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>结束时间</source>
            <translation>End</translation>
        </message>
        <message>
            <source>时长（分钟）</source>
            <translation>Length (min)</translation>
        </message>
        <message>
            <source>自动</source>
            <translation>Automatic</translation>
        </message>
        <message>
            <source>固定时间</source>
            <translation>Pinned</translation>
        </message>
        <message>
            <source>主持 / 讲解</source>
            <translation>Host</translation>
        </message>
        <message>
            <source>讲课人</source>
            <translation>Lecturer</translation>
        </message>
        <message>
            <source>职称级别</source>
            <translation>Title level</translation>
        </message>
        <message>
            <source>学时</source>
            <translation>Lecture hours</translation>
        </message>
        <message>
            <source>讲课费（元/学时）</source>
            <translation>Lecture fee (yuan/hour)</translation>
        </message>
        <message>
            <source>地点</source>
            <translation>Site</translation>
        </message>
        <message>
            <source>主持</source>
            <translation>Host</translation>
        </message>
        <message>
            <source>带队领导</source>
            <translation>Leader</translation>
        </message>
        <message>
            <source>车辆</source>
            <translation>Vehicle</translation>
        </message>
        <message>
            <source>座位数</source>
            <translation>Seats</translation>
        </message>
        <message>
            <source>颜色</source>
            <translation>Colour</translation>
        </message>
        <message>
            <source>本组教学主题</source>
            <translation>Group's themes</translation>
        </message>
        <message>
            <source>车辆费用（元/天）</source>
            <translation>Vehicle (yuan/day)</translation>
        </message>
        <message>
            <source>出发</source>
            <translation>From</translation>
        </message>
        <message>
            <source>到达</source>
            <translation>To</translation>
        </message>
        <message>
            <source>估算方式</source>
            <translation>Estimated mode</translation>
        </message>
        <message>
            <source>距离（公里）</source>
            <translation>Distance (km)</translation>
        </message>
        <message>
            <source>估算用时（分钟）</source>
            <translation>Estimated (min)</translation>
        </message>
        <message>
            <source>指定方式</source>
            <translation>Mode (override)</translation>
        </message>
        <message>
            <source>按估算</source>
            <translation>As estimated</translation>
        </message>
        <message>
            <source>指定用时（分钟）</source>
            <translation>Minutes (override)</translation>
        </message>
        <message>
            <source>第几晚</source>
            <translation>Night</translation>
        </message>
        <message>
            <source>宾馆</source>
            <translation>Hotel</translation>
        </message>
        <message>
            <source>房价（元/间·晚）</source>
            <translation>Room (yuan/night)</translation>
        </message>
        <message>
            <source>费用项目</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>单价（元）</source>
            <translation>Unit price (yuan)</translation>
        </message>
        <message>
            <source>数量</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>（本地）</source>
            <translation>(home place)</translation>
        </message>
        <message>
            <source>本地名称</source>
            <translation>Home place</translation>
        </message>
        <message>
            <source>指标</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <source>数值</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>年份</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>来源</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>顺序</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>举措</source>
            <translation>Measure</translation>
        </message>
        <message>
            <source>责任单位</source>
            <translation>Responsible unit</translation>
        </message>
        <message>
            <source>完成时限</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>进展情况</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>来源教学点</source>
            <translation>From site</translation>
        </message>
        <message>
            <source>来源现场教学</source>
            <translation>From session</translation>
        </message>
        <message>
            <source>学员</source>
            <translation>Participant</translation>
        </message>
        <message>
            <source>题目</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>导入自</source>
            <translation>Imported from</translation>
        </message>
        <message>
            <source>正文</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>企业</source>
            <translation>Enterprise</translation>
        </message>
        <message>
            <source>园区</source>
            <translation>Park</translation>
        </message>
        <message>
            <source>村</source>
            <translation>Village</translation>
        </message>
        <message>
            <source>市场</source>
            <translation>Market</translation>
        </message>
        <message>
            <source>会场</source>
            <translation>Venue</translation>
        </message>
        <message>
            <source>集合地点</source>
            <translation>Gathering point</translation>
        </message>
        <message>
            <source>其他</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>现场教学</source>
            <translation>On-site teaching</translation>
        </message>
        <message>
            <source>座谈</source>
            <translation>Talk</translation>
        </message>
        <message>
            <source>活动</source>
            <translation>Event</translation>
        </message>
        <message>
            <source>开班式</source>
            <translation>Opening</translation>
        </message>
        <message>
            <source>结业式</source>
            <translation>Closing</translation>
        </message>
        <message>
            <source>全体活动</source>
            <translation>Plenary</translation>
        </message>
        <message>
            <source>大巴</source>
            <translation>Bus</translation>
        </message>
        <message>
            <source>高铁</source>
            <translation>High-speed rail</translation>
        </message>
        <message>
            <source>航班</source>
            <translation>Flight</translation>
        </message>
        <message>
            <source>步行</source>
            <translation>Walk</translation>
        </message>
        <message>
            <source>联络员</source>
            <translation>Liaison</translation>
        </message>
        <message>
            <source>观察员</source>
            <translation>Observer</translation>
        </message>
        <message>
            <source>随行记者</source>
            <translation>Journalist</translation>
        </message>
        <message>
            <source>工作人员</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>男</source>
            <translation>Male</translation>
        </message>
        <message>
            <source>女</source>
            <translation>Female</translation>
        </message>
        <message>
            <source>默认（领导单间、其他双人间）</source>
            <translation>Default (leaders single, others twin)</translation>
        </message>
        <message>
            <source>单间</source>
            <translation>Single</translation>
        </message>
        <message>
            <source>双人间</source>
            <translation>Twin</translation>
        </message>
        <message>
            <source>行政区划</source>
            <translation>Division</translation>
        </message>
        <message>
            <source>功能区（手动定位）</source>
            <translation>Zone (placed by hand)</translation>
        </message>
        <message>
            <source>住宿费</source>
            <translation>Lodging</translation>
        </message>
        <message>
            <source>伙食费</source>
            <translation>Meals</translation>
        </message>
        <message>
            <source>场地、资料、交通费</source>
            <translation>Venue, materials, transport</translation>
        </message>
        <message>
            <source>其他费用</source>
            <translation>Other (incl. on-site teaching)</translation>
        </message>
        <message>
            <source>师资费</source>
            <translation>Lecturers</translation>
        </message>
        <message>
            <source>副高级</source>
            <translation>Associate senior title</translation>
        </message>
        <message>
            <source>正高级</source>
            <translation>Senior title</translation>
        </message>
        <message>
            <source>院士、全国知名专家</source>
            <translation>Academician or national expert</translation>
        </message>
        <message>
            <source>每场</source>
            <translation>per visit</translation>
        </message>
        <message>
            <source>每人</source>
            <translation>per person</translation>
        </message>
        <message>
            <source>培训</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>报到</source>
            <translation>Arrival</translation>
        </message>
        <message>
            <source>撤离</source>
            <translation>Departure</translation>
        </message>
        <message>
            <source>一类</source>
            <translation>Class 1</translation>
        </message>
        <message>
            <source>二类</source>
            <translation>Class 2</translation>
        </message>
        <message>
            <source>三类</source>
            <translation>Class 3</translation>
        </message>
        <message>
            <source>已核实</source>
            <translation>confirmed</translation>
        </message>
        <message>
            <source>待核实</source>
            <translation>to be confirmed</translation>
        </message>
        <message>
            <source>方案自定</source>
            <translation>set in this plan</translation>
        </message>
        <message>
            <source>未启动</source>
            <translation>Not started</translation>
        </message>
        <message>
            <source>推进中</source>
            <translation>In progress</translation>
        </message>
        <message>
            <source>已完成</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>长期坚持</source>
            <translation>Ongoing</translation>
        </message>
        <message>
            <source>培训班</source>
            <translation>programme</translation>
        </message>
        <message>
            <source>行车</source>
            <translation>leg</translation>
        </message>
        <message>
            <source>住宿</source>
            <translation>lodging</translation>
        </message>
        <message>
            <source>费用</source>
            <translation>cost line</translation>
        </message>
        <message>
            <source>对标指标</source>
            <translation>indicator</translation>
        </message>
        <message>
            <source>学习体会</source>
            <translation>reflection</translation>
        </message>
    </context>
</TS>
