"""The words of the kit's documents, Chinese and English side by side (data only, no logic).

Edit the texts here; :mod:`calculators.negotiation_kit.documents` fills them in. Rules:

- A document is a tuple of blocks ``(kind, zh, en)`` or ``(kind, zh, en, when)``:
  ``kind`` is ``"h"`` (heading), ``"p"`` (paragraph), ``"li"`` (list item), ``"say"`` (words to
  say on the phone), ``"note"`` (small print), ``"sign"`` (a line to fill in by hand), or
  ``"cards"`` (where the list of the reader's cards goes; its texts are unused).
- ``zh`` or ``en`` may be ``None``: the block is only in the other language.
- ``when`` names a condition the logic sets (see ``documents.CONDITIONS``); ``"!name"`` means
  "when it is not so". Without ``when`` the block is always there.
- ``$name`` / ``${name}`` are the reader's figures and words (``string.Template``); the names
  each document can use are listed above it. A literal ``$`` is ``$$``.
- Every figure comes from what the reader typed or from the plan computed from it: never write
  a number, a rate or a promise here that the plan does not give.
"""

# Free text the reader typed is inserted as is; these are the sentences around it.
REASONS = {
    "job_loss": ("失业", "Job loss"),
    "illness": ("生病（本人或家人）", "Illness (mine or a family member's)"),
    "business_failure": ("生意失败", "Business failure"),
    "other": ("其他原因", "Other"),
}

#: What happened, in the letter (a full clause).
REASON_LONG = {
    "job_loss": ("我失业了，失去了工资收入", "I lost my job and with it my wages"),
    "illness": (
        "我或家人生病，医疗花费增加，收入也减少了",
        "illness (mine or a family member's) has raised my medical costs and cut my income",
    ),
    "business_failure": ("我经营的生意失败，收入大幅减少", "my business failed and my income has fallen sharply"),
    "other": ("我的收入减少、必要开支增加", "my income has fallen and my essential costs have risen"),
}

#: What happened, on the phone ("because ...").
REASON_SHORT = {
    "job_loss": ("失业", "I lost my job"),
    "illness": ("生病", "of illness"),
    "business_failure": ("生意失败", "my business failed"),
    "other": ("收入减少", "my income has fallen"),
}

#: The proof to gather, in the checklist.
PROOF = {
    "job_loss": (
        "失业的证明：离职证明、解除劳动合同的通知，或失业登记证明",
        "Proof of job loss: a leaving certificate, the notice ending your contract, or unemployment registration",
    ),
    "illness": (
        "生病的证明：诊断证明、门诊或住院病历、医疗费用票据",
        "Proof of illness: a diagnosis certificate, outpatient or hospital records, medical bills",
    ),
    "business_failure": (
        "生意失败的证明：营业执照注销或停业的材料、亏损的账目",
        "Proof the business failed: deregistration or closure papers, accounts showing the loss",
    ),
    "other": ("能说明收入减少或开支增加的材料", "Papers that show your income fell or your essential costs rose"),
}

# Sentences the letter builds from the reader's words ($reason, $detail, $when).
HARDSHIP = ("${reason}。", "${Reason}.")
HARDSHIP_DETAIL = ("具体情况：${detail}。", " In more detail: ${detail}.")
HARDSHIP_END = (
    "现在我无法按原来的约定还款，但我愿意还清欠款，希望和贵行商量一个我能坚持下去的还款方案。",
    " I can no longer repay on the original terms, but I want to repay what I owe and would like to agree"
    " with the bank a plan I can keep to.",
)
RECOVERY_WHEN = (
    "我估计情况好转的时间：${when}。情况有变化，我会及时告诉贵行。",
    "When I expect things to improve: ${when}. I will tell the bank as soon as my situation changes.",
)
RECOVERY_UNKNOWN = (
    "我现在还说不准情况什么时候会好转；一有变化，我会及时告诉贵行。",
    "I cannot yet say when things will improve; I will tell the bank as soon as my situation changes.",
)

#: Other debt payments, in the letter's budget sentence: only when the reader gave some (blank means none).
OTHER_DEBTS = ("，其他债务每月要还约 ${other}", ", and my other debt payments about ${other}")
#: "After ..." in the phone script, with or without other debt payments.
AFTER = {
    True: ("扣除必要开支和其他还款以后", "After essential spending and my other debt payments"),
    False: ("扣除必要开支以后", "After essential spending"),
}

#: The mark on every document made from the page's worked example (before the reader's own figures).
EXAMPLE_TITLE = "【示例 / Example】"
EXAMPLE_NOTE = (
    "示例 / Example：这份是用示例数字写的，不是你的。在上面填上你自己的数字，这里就会换成你的。",
    "示例 / Example: this was written from example figures, not yours. Enter your own figures above and it is "
    "replaced with yours.",
)

CARD_LINE = (
    "第 ${i} 张卡（卡号后四位＿＿＿＿）：欠款 ${balance}",
    "Card ${i} (last four digits ____): ${balance} owed",
)
CARD_OVERDUE = ("，已逾期约 ${months} 个月", ", about ${months} ${months_word} overdue")

#: Blanks the reader fills in by hand when they left their name empty.
NAME_BLANK = ("＿＿＿＿＿＿", "____________")
SHORT_NAME_BLANK = ("＿＿＿", "___")

# --------------------------------------------------------------------------------------
# The letter. Names: $bank $phone $name $card_count $cards_word $debt $hardship $recovery
# $income $essential $other_clause $capacity $bank_count $total $share $n $payment $last $start $end
# $covered $shortfall $art70. Conditions: several (more than one bank), uneven (the last payment
# differs), clears (the plan repays the whole debt within 60 months at the reader's share).
# --------------------------------------------------------------------------------------

LETTER_TITLE = (
    "协商还款申请书（申请个性化分期还款）",
    "Repayment proposal (request for a personalised instalment plan) — English version for reference",
)

LETTER = (
    (
        "note",
        None,
        "Reference translation. Send the Chinese letter to the bank; this version is to help you check what it says.",
    ),
    ("p", "致：${bank}信用卡中心（信用卡客服电话 ${phone}）", "To: ${bank} credit card centre (card service ${phone})"),
    (
        "p",
        "申请人：${name}　　身份证号：＿＿＿＿＿＿＿＿＿＿＿＿　　联系电话：＿＿＿＿＿＿＿＿",
        "From: ${name}    ID number: ______________    Phone: ____________",
    ),
    (
        "p",
        "我在贵行有 ${card_count} 张信用卡，欠款合计 ${debt}（以贵行账单为准）：",
        "I have ${card_count} credit ${cards_word} with the bank, owing ${debt} in all (the bank's statements "
        "are authoritative):",
    ),
    ("cards", None, None),
    ("h", "一、我遇到的困难", "1. What has happened"),
    ("p", "${hardship}", "${hardship}"),
    ("p", "${recovery}", "${recovery}"),
    ("h", "二、我每月能还多少", "2. What I can pay each month"),
    (
        "p",
        "我家每月能用来还债的收入（我自己的收入，加上家人能拿出来帮我还债的）合计约 ${income}，必要生活开支约 ${essential}"
        "${other_clause}。扣除这些以后，我每月能用来还信用卡的钱约为 ${capacity}。",
        "My household's monthly income available for debts (my own income plus what my family can put "
        "towards them) is about ${income} and my essential spending about ${essential}${other_clause}. That "
        "leaves about ${capacity} a month for my credit cards.",
    ),
    (
        "p",
        "我一共欠 ${bank_count} 家银行 ${total}。我把每月能还的钱按各家欠款的比例分给各家银行（欠得少的先还清），"
        "每月能还给贵行的是 ${share}。",
        "I owe ${bank_count} banks ${total} in all. I share what I can pay between them in proportion to what "
        "I owe each (smaller debts cleared first); ${share} a month is for this bank.",
        "several",
    ),
    ("h", "三、我申请的还款方案", "3. The plan I am asking for"),
    (
        "p",
        "根据${art70}，我恳请贵行与我平等协商，达成个性化分期还款协议：",
        "Under ${art70}, I ask the bank to negotiate with me on an equal footing and agree a personalised "
        "instalment plan:",
    ),
    (
        "li",
        "把上述欠款 ${debt}分 ${n} 期偿还，每月还 ${payment}，从 ${start}开始，到 ${end}还清。",
        "The debt of ${debt} repaid in ${n} monthly payments of ${payment}, from ${start} until ${end}.",
        "clears !uneven",
    ),
    (
        "li",
        "把上述欠款 ${debt}分 ${n} 期偿还，每月还 ${payment}（最后一期 ${last}），从 ${start}开始，到 ${end}还清。",
        "The debt of ${debt} repaid in ${n} monthly payments of ${payment} (the last one ${last}), from "
        "${start} until ${end}.",
        "clears uneven",
    ),
    (
        "li",
        "每月还 ${payment}，从 ${start}开始，共 ${n} 期，到 ${end}，合计 ${covered}。这是我每月能还给贵行的全部。",
        "${payment} a month from ${start}, ${n} payments until ${end}, ${covered} in all. This is all I can pay "
        "the bank each month.",
        "!clears",
    ),
    (
        "li",
        "分期期间停止计收利息、年费和其他费用；已经产生的违约金和其他费用予以减免，不能全部减免的，请减少。",
        "No interest, annual fees or other charges during the plan; the late fees (违约金) and other charges "
        "already added waived, or reduced if they cannot all be waived.",
    ),
    (
        "li",
        "达成协议后，请以书面形式（纸质协议，或短信、App 里能保存的通知）向我确认协议内容：欠款余额和构成、期数、"
        "每期还款金额和日期、还款期间是否收取年费、利息和其他费用。如果在电话里达成口头协议，请按第七十条的规定留存录音。",
        "Written confirmation of the agreement once it is reached (a paper agreement, or a text message or "
        "app notice I can keep): the balance and what it consists of, the number of payments, each payment's "
        "amount and date, and whether annual fees, interest and other charges apply during the plan. If we "
        "agree by phone, please keep the recording, as Article 70 requires.",
    ),
    (
        "li",
        "协议签署后，请按第七十条的规定停止催收。",
        "Once the agreement is signed, collection to stop, as Article 70 provides.",
    ),
    (
        "p",
        "我要如实说明：按我现在的能力，即使分 60 期（第七十条允许的最长 5 年），合计也只能还 ${covered}，"
        "还不清全部欠款 ${debt}，还差 ${shortfall}。我不能承诺超出我能力的金额。因此恳请贵行减免利息、违约金和其他费用；"
        "如果贵行不能这样做，请贵行提出一个每月还款不超过这个数的方案。",
        "I must say plainly: at what I can now pay, even 60 months (the 5-year maximum of Article 70) repays only "
        "${covered}, which does not clear the whole debt of ${debt}; ${shortfall} would remain. I cannot promise "
        "more than I can pay. I therefore ask the bank to waive interest, late fees (违约金) and other charges; "
        "if it cannot, please propose a plan of no more than that a month.",
        "!clears",
    ),
    ("h", "四、我的承诺", "4. My commitments"),
    (
        "p",
        "我会按协议按时还款。我知道在协议的款项全部还清以前，不能向任何银行申请信用卡。"
        "我的情况如有变化，会及时告诉贵行。我明白是否同意这个方案由贵行决定；如果贵行不能同意，请告诉我贵行可以接受的方案。",
        "I will pay on time as agreed. I understand that until the plan is fully repaid I may not apply for a "
        "credit card at any bank. I will tell the bank if my situation changes. I understand that whether to "
        "agree to this plan is the bank's decision; if the bank cannot agree, please tell me what it can accept.",
    ),
    (
        "p",
        "附：身份证复印件、收入证明、最近几个月的银行流水、困难情况的证明材料（均为复印件）。",
        "Enclosed: copies of my ID, proof of income, recent bank statements, and proof of my difficulties.",
    ),
    ("p", "此致", None),
    ("p", "敬礼！", None),
    ("sign", "申请人（签名）：＿＿＿＿＿＿＿＿", "Signature: ______________"),
    ("sign", "日期：＿＿＿＿年＿＿月＿＿日", "Date: ______________"),
)

# --------------------------------------------------------------------------------------
# The phone script. Names: $bank $phone $name $reason $debt $after $share $n $payment $start $covered
# $shortfall $number (the bare card-service number) $art70. Condition: clears (as in the letter).
# --------------------------------------------------------------------------------------

SCRIPT_TITLE = ("电话脚本：${bank}", "Phone script: ${bank}")

SCRIPT = (
    ("p", "拨打${bank}信用卡中心：${phone}", "Call the ${bank} card centre: ${phone}"),
    ("h", "打电话前", "Before you call"),
    (
        "li",
        "准备好：身份证、每张卡的卡号和最近的账单、这份脚本、申请书、纸笔或本页的通话记录表。",
        "Have ready: your ID, each card's number and latest statement, this script, the letter, and pen and "
        "paper or the call log on this page.",
    ),
    (
        "li",
        "找一个安静、不赶时间的时候打；记下开始通话的时间。",
        "Call when it is quiet and you are not in a hurry; note the time the call starts.",
    ),
    ("h", "1. 先说这些", "1. Say this first"),
    (
        "say",
        "“您好，我是${bank}信用卡的持卡人${name}，卡号后四位是＿＿＿＿。我因为${reason}，现在没办法按原来的约定还款，"
        "但我愿意还钱。我想申请个性化分期还款，也就是协商还款，依据是${art70}。请问这件事找哪个部门办？”",
        "“Hello, I hold a ${bank} credit card; my name is ${name} and the card ends in ____. I can no longer "
        "repay on the original terms because ${reason}, but I want to repay. I would like to ask for a "
        "personalised instalment plan (个性化分期还款, also called 协商还款) under ${art70}. Which department "
        "handles this?”",
    ),
    (
        "note",
        None,
        "If the call is in Chinese, the Chinese version of this script (below) has the same words to read out.",
    ),
    ("h", "2. 说清楚你的数字", "2. Give your numbers"),
    (
        "say",
        "“我在贵行一共欠大约 ${debt}。${after}，我每月能还给贵行大约 ${share}。"
        "我希望分 ${n} 期，每月还 ${payment}，从 ${start}开始。”",
        "“I owe the bank about ${debt} in all. ${after} I can pay "
        "the bank about ${share} a month. I would like ${n} monthly payments of ${payment}, starting on "
        "${start}.”",
        "clears",
    ),
    (
        "say",
        "“我在贵行一共欠大约 ${debt}。${after}，我每月最多能还给贵行 ${share}。按这个数还满 60 期，"
        "合计 ${covered}，还不清全部欠款。我想请贵行减免利息和费用，或者告诉我贵行能提出什么方案。每月超过 ${share}，我就还不起了。”",
        "“I owe the bank about ${debt} in all. ${after} the most I "
        "can pay the bank is ${share} a month. At that rate 60 months repays ${covered}, which does not clear "
        "the whole debt. I would like to ask the bank to waive interest and fees, or to tell me what plan it "
        "can offer. More than ${share} a month I cannot pay.”",
        "!clears",
    ),
    ("h", "3. 要问清楚的事", "3. What to ask"),
    (
        "li",
        "我能不能办个性化分期？要交哪些材料，怎么交，多久有答复？",
        "Can I have a personalised instalment plan? Which documents do you need, how do I send them, and when "
        "will I hear?",
    ),
    (
        "li",
        "分期期间还收不收利息、年费、违约金和其他费用？已经产生的违约金能不能减免？",
        "Will interest, annual fees, late fees (违约金) or other charges continue during the plan? Can the late "
        "fees already added be waived?",
    ),
    (
        "li",
        "一共分几期，每期还多少，每月哪天还？第一期从哪天开始？",
        "How many payments, how much each, on which day of the month? When is the first one?",
    ),
    (
        "li",
        "协议能不能给我书面的（纸质协议，或短信、App 里的确认）？如果今天在电话里说定，请确认这次通话有录音——"
        "第七十条要求银行留存口头协议的录音。",
        "Can I have the agreement in writing (a paper agreement, or a text message or app confirmation)? If we "
        "agree today on the phone, please confirm the call is recorded: Article 70 requires the bank to keep a "
        "recording of an oral agreement.",
    ),
    (
        "li",
        "书面申请寄到哪里、交到哪个网点，还是可以在 App 里提交？",
        "Where do I send a written application: which address or branch, or can I submit it in the app?",
    ),
    (
        "li",
        "办了以后，征信报告上会怎么显示？以前的逾期记录会怎样？",
        "How will the plan show on my credit report, and what happens to the overdue records already there?",
    ),
    (
        "li",
        "协议签了以后，催收会停吗？以后如果有一期还不上，会怎么处理？",
        "Will collection stop once the agreement is signed? What happens if I miss a payment later?",
    ),
    ("h", "4. 不要当场答应的事", "4. What not to agree to on the spot"),
    (
        "li",
        "不要当场答应你还不起的金额或期数。可以说：“我要核对一下我的预算，明天再回复您。”",
        "Do not agree on the spot to any amount or number of payments you cannot pay. You can say: "
        "“I need to check my budget; I will call you back tomorrow.”",
    ),
    (
        "li",
        "不要接受只在电话里说、不给书面确认的条件。请对方书面发给你，或者确认这次通话有录音。",
        "Do not accept terms given only by phone without written confirmation: ask for them in writing, or for "
        "confirmation that the call is recorded.",
    ),
    (
        "li",
        "不要答应付钱给任何中介或“代理协商”机构：第七十条讲的是银行和持卡人自己协商。",
        "Do not agree to pay any intermediary or “debt negotiation” agency: Article 70 is about the bank and "
        "the cardholder negotiating themselves.",
    ),
    ("h", "5. 保护好自己：防冒充、防诈骗", "5. Stay safe: impostors and scams"),
    (
        "li",
        "有人打电话自称银行、催收公司或“协商专员”，先问清对方的姓名、单位、受哪家银行委托；然后挂断，"
        "用本页写的银行电话 ${number} 打回去核实。",
        "If someone calls saying they are the bank, a collection agency or a “negotiation officer”, ask their "
        "name, their organisation and which bank authorised them; then hang up and call back on the bank's "
        "number given here, ${number}, to check.",
    ),
    (
        "li",
        "只通过银行自己的渠道（银行 App、网点、银行公布的还款方式）还到你自己名下的信用卡账户。"
        "不要把钱转到对方给的个人账户或“第三方账户”。",
        "Repay only into your own card account, through the bank's own channels (its app, a branch, the "
        "repayment methods the bank publishes). Never pay into a personal or “third-party” account a caller "
        "gives you.",
    ),
    (
        "li",
        "不要为了“办下来”付任何手续费、保证金或服务费。",
        "Never pay a fee, deposit or service charge to get a plan approved.",
    ),
    (
        "li",
        "不要共享手机屏幕，不要安装对方让你装的软件，不要把验证码告诉任何人。",
        "Never share your screen, install an app a caller asks you to, or tell anyone a verification code.",
    ),
    ("h", "6. 挂电话以前", "6. Before you hang up"),
    (
        "li",
        "把说定的内容复述一遍：期数、每期金额、还款日、是否停息、违约金怎么处理。",
        "Repeat back what was agreed: the number of payments, the amount, the payment day, whether interest "
        "stops, what happens to late fees.",
    ),
    (
        "li",
        "记下客服的姓名或工号、通话日期和时间；问清下一步：谁、在哪天、做什么，要寄什么材料。",
        "Write down the agent's name or staff number and the date and time; ask what happens next: who does "
        "what, by when, and what to send.",
    ),
    ("li", "挂电话后马上填写通话记录。", "Fill in the call log straight after the call."),
    (
        "note",
        "记住：第七十条说的是银行“可以”同意个性化分期，不是必须同意。这次没谈成，记下原因，过几天再打，"
        "也可以把申请书寄过去或交到网点。",
        "Remember: Article 70 says the bank may agree to a personalised plan; it does not have to. If it says "
        "no this time, note why and call again in a few days, or send or hand in the letter.",
    ),
)

# --------------------------------------------------------------------------------------
# The checklist. Names: $proof
# --------------------------------------------------------------------------------------

CHECKLIST_TITLE = ("要准备的材料", "Documents to prepare")

CHECKLIST = (
    (
        "p",
        "各家银行要的材料不一样，打电话时先问清楚要什么、怎么交。下面这些通常用得上：",
        "Banks ask for different documents: ask on the phone what they need and how to send it. These are "
        "usually useful:",
    ),
    ("li", "身份证（复印件）", "Your ID card (a copy)"),
    (
        "li",
        "每张信用卡最近的账单（显示欠款余额和构成）",
        "Each card's latest statement (showing the balance and what it consists of)",
    ),
    (
        "li",
        "收入证明（现在没有收入的，写一份说明）",
        "Proof of income (if you have none now, a short written statement saying so)",
    ),
    ("li", "最近几个月的银行流水", "Bank statements for the last few months"),
    ("li", "${proof}", "${proof}"),
    (
        "li",
        "其他债务的证明（贷款合同或还款计划），如果有",
        "Papers for your other debts (loan agreements or repayment schedules), if any",
    ),
    (
        "li",
        "必要开支的证明（房租、医疗费、学费等），如果有",
        "Proof of essential costs (rent, medical bills, school fees), if any",
    ),
    (
        "li",
        "签好名的协商还款申请书（本页生成，每家银行一份），自己留一份",
        "The signed repayment proposal letter (made on this page, one per bank), and a copy for yourself",
    ),
    ("li", "通话记录表（本页生成）", "The call log (on this page)"),
    (
        "note",
        "只交复印件，原件自己保管；寄出或交出的材料，先拍照留底。",
        "Hand in copies only and keep the originals; photograph everything before you send or hand it in.",
    ),
)

# --------------------------------------------------------------------------------------
# Warnings shown above the plans. Names: $bank $n $payment $share $shortest
# --------------------------------------------------------------------------------------

WARN_NOT_CLEARED = (
    "${bank}：按你能还给这家银行的每月 ${share}，即使分 60 期（第七十条允许的最长 5 年），合计 ${covered}，"
    "也还不清 ${debt}，还差 ${shortfall}。申请书和电话脚本写的是你能还的 ${share}，说明还不清，"
    "并请银行减免利息和费用，或者提出它的方案。不要答应超出你能力的金额。",
    "${bank}: at the ${share} a month you can pay this bank, even 60 months (the 5-year maximum of Article 70) "
    "repays ${covered}, which does not clear ${debt}; ${shortfall} would remain. The letter and the phone script "
    "offer the ${share} you can pay, say that it does not clear the debt, and ask the bank to waive interest and "
    "fees or to make its own proposal. Do not agree to more than you can pay.",
)
WARN_CHOSEN_TOO_SHORT = (
    "${bank}：分 ${asked} 期每月要还 ${asked_payment}，比你按比例能还给这家银行的 ${share} 多，"
    "所以申请书按你还得起的 ${n} 期写。",
    "${bank}: ${asked} months would mean ${asked_payment} a month, more than the ${share} you can pay this bank, "
    "so the letter asks for ${n} months, which you can pay.",
)

NO_CAPACITY = (
    "按你填的数字，每月收入扣除必要开支和其他还款后，没有钱可以还信用卡（${capacity}）。"
    "这时工具算不出分期方案。仍然可以打电话告诉银行你的情况，问能不能暂缓还款。",
    "With these figures nothing is left for the cards after essential spending and other debt payments "
    "(${capacity}), so the kit cannot work out a plan. You can still call the bank, explain, and ask whether "
    "payments can be paused.",
)

TOO_LITTLE = (
    "按你填的数字，每月能还信用卡的钱（${capacity}）不够分给 ${bank_count} 家银行，每家连 0.01 元都分不到，"
    "工具算不出分期方案。仍然可以打电话告诉银行你的情况，问能不能暂缓还款。",
    "With these figures what you can pay each month (${capacity}) cannot be shared between ${bank_count} banks, "
    "not even ¥0.01 each, so the kit cannot work out a plan. You can still call the bank, explain, and ask whether "
    "payments can be paused.",
)

# --------------------------------------------------------------------------------------
# The paragraph under the figures. Names: $capacity $total $bank_count $banks_word $monthly $n $nothing
# --------------------------------------------------------------------------------------

EXPLAIN = (
    "你每月大约能拿出 ${capacity} 还 ${bank_count} 家银行共 ${total} 的信用卡欠款。下面的方案每月合计还 ${monthly}，"
    "最长 ${n} 期，并申请停止计息：这是你提出的申请，银行可以同意，也可以不同意。"
    "如果从今天起再拖 3 个月不还，估计要多付约 ${nothing}。",
    "You can pay about ${capacity} a month towards ${total} of card debt at ${bank_count} ${banks_word}. "
    "The plans below ask for ${monthly} a month in all, for at most ${n} months, with interest stopped: that is "
    "what you ask for, the bank may agree or not. Three more months of doing nothing, counted from today, would add about ${nothing}.",
)

#: Added to the paragraph when a plan does not clear its debt. Names: $count
EXPLAIN_NOT_CLEARED = (
    "其中 ${count} 家银行的欠款，按你能还的钱分 60 期也还不清：申请书写的是你能还的数，并说明这一点。",
    " For ${count} of the banks, what you can pay does not clear the debt even in 60 months: the letter offers "
    "what you can pay and says so.",
)
