"""The messages of the URL checks in English and Chinese, by message id (docs/detectors-url.md).

A message id is the rule code ('lookalike.tld_swap') where the code has one text, and
'code/variant' ('lookalike.homograph/small_type') where it has several; the code a finding reports
is the part before the '/'. Templates are str.format strings with named fields:

    {shown}     the name the message is about (a registrable domain, a host or one label of it)
    {host}      the whole host name
    {site}      the registrable domain the link really opens
    {official}  the official domain compared with
    {brand_en}, {brand_zh}  the brand's name
    {word}      the brand word, abbreviation or typo found in the name
    {label}, {letter}, {ending}, {listed}, {words}, {meaning_en}, {meaning_zh}, {theme_en}, {theme_zh}: see
    the entries

findings.finding fills {official}, {brand_en} and {brand_zh} from the brand it compares with.
render shows a host name with punycode labels in the fields {shown}, {host}, {site} and {listed} as
the user saw it, each look-alike character in brackets, then the punycode ('[а]lipay.com
(xn--lipay-3ve.com)'; display.py), and then says what the brackets mean (display/marks).
"""

from __future__ import annotations

from kefuguard.detect.url.display import shown_host

MESSAGES: dict[str, tuple[str, str]] = {
    # the lists (check.py)
    "scam.domain": (
        "{host} is on the list of known scam sites (listed: {listed}).",
        "{host} 在已知诈骗网站名单中（名单条目：{listed}）。",
    ),
    "official.domain": (
        "{host} belongs to {brand_en}: it is under the official domain {official}.",
        "{host} 属于{brand_zh}：位于官方域名 {official} 之下。",
    ),
    "none.unlisted": (
        "{site} is not an official domain of any listed brand and matches no known scam or lookalike rule.",
        "{site} 不是名单中任何品牌的官方域名，也不符合已知诈骗或仿冒规则。",
    ),
    "none.popular": (
        "{site} is one of the web's most linked-to sites (Majestic Million), so look-alike rules do not "
        "apply to it; it is not on the list as any brand's official domain.",
        "{site} 是网上被链接最多的网站之一（Majestic Million），不按仿冒规则判断；它不在名单中任何品牌的官方域名之列。",
    ),
    "none.user_content": (
        "{host} publishes anyone's pages, so no brand's domain vouches for this one; its name matches no "
        "lookalike rule.",
        "{host} 上任何人都可以发布页面，任何品牌的域名都不能为这个页面担保；它的名称不符合仿冒规则。",
    ),
    # the site's own name (lookalike.py)
    "lookalike.tld_swap": (
        "{shown} has {brand_en}'s name under another ending; the official domain is {official}.",
        "{shown} 用了{brand_zh}的名字但后缀不同；官方域名是 {official}。",
    ),
    "lookalike.tld_swap/hosting": (
        "{shown} is a site anyone can open on a hosting platform, named {brand_en}; it may be {brand_en}'s own "
        "account or someone else's. The official domain is {official}.",
        "{shown} 是任何人都可以在托管平台上开设的网站，以{brand_zh}命名；它可能是{brand_zh}自己的账号，也可能是别人的。"
        "官方域名是 {official}。",
    ),
    "lookalike.hyphenation": (
        "{shown} is {official} with hyphens added.",
        "{shown} 是在 {official} 中加了连字符的仿冒域名。",
    ),
    "lookalike.homograph": (
        "{shown} uses look-alike characters to imitate {official} ({brand_en}).",
        "{shown} 用外形相似的字符冒充 {official}（{brand_zh}）。",
    ),
    "lookalike.homograph/small_type": (
        "{shown} swaps letters that look alike in small type to imitate {official} ({brand_en}).",
        "{shown} 替换了小字号下相似的字母来冒充 {official}（{brand_zh}）。",
    ),
    "lookalike.chinese_name": (
        "{shown} uses the Chinese name of {brand_en} but is not its official domain {official}.",
        "{shown} 使用了{brand_zh}的中文名，但不是其官方域名 {official}。",
    ),
    "lookalike.combo/chinese_words": (
        "{shown} puts the brand name '{word}' among Chinese words; {brand_en}'s official domain is {official}.",
        "{shown} 把品牌名“{word}”和中文词语拼在一起；{brand_zh}的官方域名是 {official}。",
    ),
    "lookalike.combo/chinese_scam_words": (
        "{shown} puts the brand name '{word}' among Chinese words scammers use; {brand_en}'s official domain "
        "is {official}.",
        "{shown} 把品牌名“{word}”和中文诈骗常用词拼在一起；{brand_zh}的官方域名是 {official}。",
    ),
    # subdomains (lookalike.py)
    "lookalike.embedded_domain": (
        "{host} starts with {official}, but the site is really {site}.",
        "{host} 以 {official} 开头，但实际网站是 {site}。",
    ),
    "lookalike.split_label": (  # {label}: the official label spelt across parts
        "{host} spells {label} across several parts to imitate {official}.",
        "{host} 把 {label} 拆成几段来冒充 {official}。",
    ),
    "lookalike.brand_subdomain": (
        "{host} shows '{word}' in front, but the site is really {site}, not {brand_en}'s {official}.",
        "{host} 前面显示“{word}”，但实际网站是 {site}，不是{brand_zh}的 {official}。",
    ),
    "lookalike.mixed_script": (  # {label}: the label in Unicode
        "{host} mixes letters of different alphabets in '{label}', a common disguise.",
        "{host} 的“{label}”混用了不同文字的字母，这是常见的伪装手法。",
    ),
    # combo-squatting (combos.py)
    "lookalike.combo/scam_words": (
        "{shown} puts the brand name '{word}' together with words scammers use; {brand_en}'s official domain "
        "is {official}.",
        "{shown} 把品牌名“{word}”和诈骗常用词拼在一起；{brand_zh}的官方域名是 {official}。",
    ),
    "lookalike.noisy_token": (
        "{shown} holds {brand_en}'s name '{word}' with other letters around it; {brand_en}'s official domain is "
        "{official}.",
        "{shown} 在{brand_zh}的名称“{word}”前后加了其他字母；{brand_zh}的官方域名是 {official}。",
    ),
    "lookalike.noisy_token/drawn": (  # {rest}: the letters beside the name, which read as no word
        "{shown} holds {brand_en}'s name '{word}' with letters that read as no word beside it ('{rest}'), the "
        "way a script names a look-alike site; {brand_en}'s official domain is {official}.",
        "{shown} 在{brand_zh}的名称“{word}”旁边加了一串读不成词的字母（“{rest}”），像是程序生成的仿冒网站名；"
        "{brand_zh}的官方域名是 {official}。",
    ),
    "lookalike.noisy_token/short_bank": (
        "{shown} is {brand_en}'s short name '{word}' with two more letters run on after it; {brand_en}'s official "
        "domain is {official}.",
        "{shown} 是{brand_zh}的简称“{word}”后面接上两个字母；{brand_zh}的官方域名是 {official}。",
    ),
    "lookalike.noisy_token/number": (
        "{shown} holds {brand_en}'s service number '{word}' with letters around it; {brand_en}'s official domain "
        "is {official}.",
        "{shown} 在{brand_zh}的服务号码“{word}”前后加了字母；{brand_zh}的官方域名是 {official}。",
    ),
    "url.disguised_ending": (
        "The real site is {shown}: its name starts with an ending and a hyphen, so that the address reads as if "
        "the part before it were the site.",
        "实际网站是 {shown}：它的名称以域名后缀加连字符开头，让网址看起来像是前面那部分才是网站。",
    ),
    "url.disguised_ending/www": (
        "The real site is {shown}: its name starts with 'www' and a hyphen, so that the address reads as if "
        "it were the web address of the name after it.",
        "实际网站是 {shown}：它的名称以“www”加连字符开头，让网址看起来像是后面那个名字的网站地址。",
    ),
    "lookalike.combo/extra_words": (
        "{shown} is the brand name '{word}' with extra words or digits; {brand_en}'s official domain is {official}.",
        "{shown} 是品牌名“{word}”加上额外的词或数字；{brand_zh}的官方域名是 {official}。",
    ),
    "lookalike.combo/short_name_part": (
        "{shown} sets {brand_en}'s short name '{word}' apart as its own part, next to other words; "
        "{brand_en}'s official domain is {official}.",
        "{shown} 把{brand_zh}的简称“{word}”单独作为域名的一段，旁边接上其他词；{brand_zh}的官方域名是 {official}。",
    ),
    "lookalike.combo/short_keyword": (
        "{shown} puts '{word}', short for {brand_en}, together with words scammers use; {brand_en}'s official "
        "domain is {official}.",
        "{shown} 把{brand_zh}的缩写“{word}”和诈骗常用词拼在一起；{brand_zh}的官方域名是 {official}。",
    ),
    "lookalike.combo/everyday_word": (
        "{shown} puts '{word}', the name of {official}, together with words scammers use; {brand_en}'s official "
        "domain is {official}.",
        "{shown} 把 {official} 的名字“{word}”和诈骗常用词拼在一起；{brand_zh}的官方域名是 {official}。",
    ),
    "lookalike.combo/everyday_word_country": (  # {code}: the brand's own country's code; {ending}: without the dot
        "{shown} is '{word}', the name of {official}, with '{code}', the code of {brand_en}'s own country, and "
        "nothing else, under the .{ending} ending throwaway sites favour; {brand_en}'s official domain is {official}.",
        "{shown} 由 {official} 的名字“{word}”加上{brand_zh}所在国家的代码“{code}”组成，别无其他，且使用临时网站常用的 .{ending} "
        "后缀；{brand_zh}的官方域名是 {official}。",
    ),
    "lookalike.combo/lookalike_chars": (
        "{shown} writes the brand name '{word}' with look-alike characters, next to other words; {brand_en}'s "
        "official domain is {official}.",
        "{shown} 用外形相似的字符拼写品牌名“{word}”，并搭配其他词语；{brand_zh}的官方域名是 {official}。",
    ),
    "lookalike.combo/lookalike_chars_scam_words": (
        "{shown} writes the brand name '{word}' with look-alike characters, next to words scammers use; "
        "{brand_en}'s official domain is {official}.",
        "{shown} 用外形相似的字符拼写品牌名“{word}”，并搭配诈骗常用词；{brand_zh}的官方域名是 {official}。",
    ),
    "lookalike.combo/misspelt": (
        "{shown} puts a misspelling of {official} ('{word}') next to words scammers use ({brand_en}).",
        "{shown} 把 {official} 的错拼形式“{word}”和诈骗常用词拼在一起（{brand_zh}）。",
    ),
    "lookalike.combo/misspelt_extra_words": (
        "{shown} puts a misspelling of {official} ('{word}') next to other words or a country code ({brand_en}).",
        "{shown} 把 {official} 的错拼形式“{word}”和其他词或国家/地区代码拼在一起（{brand_zh}）。",
    ),
    "lookalike.combo/brand_part": (  # {ending}: the site's last ending, without the dot
        "{shown} puts the brand name '{word}' in a site under the .{ending} ending, which scam sites favour; "
        "{brand_en}'s official domain is {official}.",
        "{shown} 在诈骗网站常用的 .{ending} 后缀下使用品牌名“{word}”；{brand_zh}的官方域名是 {official}。",
    ),
    "lookalike.brand_name": (
        "{shown} is named '{word}' after {brand_en}, but it is not one of {brand_en}'s domains; the official "
        "domain is {official}.",
        "{shown} 以{brand_zh}的名称“{word}”命名，但不是{brand_zh}的域名；官方域名是 {official}。",
    ),
    # typosquats (typosquats.py)
    "lookalike.typosquat/letters_added": (
        "{shown} is {official} with letters added ({brand_en}).",
        "{shown} 是在 {official}（{brand_zh}）中添加字母的仿冒域名。",
    ),
    "lookalike.typosquat/one_character": (
        "{shown} differs by one character from {official} ({brand_en}).",
        "{shown} 与 {official}（{brand_zh}）只差一个字符。",
    ),
    "lookalike.typosquat/two_characters": (
        "{shown} differs by two characters from {official} ({brand_en}).",
        "{shown} 与 {official}（{brand_zh}）只差两个字符。",
    ),
    "lookalike.typosquat/doubled_letter": (
        "{shown} is {official} with the letter '{letter}' typed twice ({brand_en}).",
        "{shown} 是把 {official}（{brand_zh}）中的字母“{letter}”重复了一次的仿冒域名。",
    ),
    # names that warn by themselves (site_names.py)
    "lookalike.scam_words": (  # {words}: the scam_words/word entries joined by scam_words/separator
        "{shown} is named only with words of scam scripts: {words}. No listed brand uses this site.",
        "{shown} 的名字全由诈骗话术用词组成：{words}。名单中没有任何品牌使用这个网站。",
    ),
    "url.scam_theme": (  # {ending}: the site's last ending, without the dot; {word}: the theme's word found
        "{shown} names no brand but is named for {theme_en} ('{word}'), under the .{ending} ending that "
        "throwaway scam sites favour: it looks like a site registered for one wave of scam messages.",
        "{shown} 不属于任何品牌，名字却带有{theme_zh}的字样（“{word}”），且使用诈骗网站常用的 .{ending} 后缀："
        "像是为一批诈骗短信临时注册的网站。",
    ),
    "url.scam_theme/hosting": (  # {ending}: the hosting or dynamic-DNS company's suffix (duckdns.org, github.io)
        "{shown} names no brand but is named for {theme_en} ('{word}'), on {ending}, where anyone gets a "
        "name for free in a minute: it looks like a site made for one wave of scam messages.",
        "{shown} 不属于任何品牌，名字却带有{theme_zh}的字样（“{word}”），而且挂在任何人都能免费、即时取名的 {ending} 下："
        "像是为一批诈骗短信临时搭建的网站。",
    ),
    "url.scam_theme/paired": (  # {word}: the theme's word; {other}: the scam script's word or country code with it
        "{shown} names no brand but is named for {theme_en} ('{word}') with '{other}' and nothing else: "
        "words of a scam message, not a business's name.",
        "{shown} 不属于任何品牌，名字只由{theme_zh}的字样（“{word}”）和“{other}”拼成：这是诈骗短信里的说法，"
        "不像正经商家的名字。",
    ),
    "url.scam_theme/etc_site": (
        "{shown} names no brand but is 'ETC' (electronic toll collection) with a few letters around it "
        "and nothing else: the toll services' own sites are on kefu-guard's list, and texts about {theme_en} "
        "send people to names like this one.",
        "{shown} 不属于任何品牌，名字只是“ETC”（电子不停车收费）加几个字母：真正的 ETC 服务网站都在 kefu-guard 的"
        "名单上，而关于{theme_zh}的诈骗短信常把人引向这类网站。",
    ),
    "url.scam_theme/state_road": (
        "{shown} names no brand but pairs a US state's code with '{word}': toll agencies' own sites are on "
        "kefu-guard's list, and unpaid-toll texts send people to names like this one.",
        "{shown} 不属于任何品牌，却把美国州名缩写和“{word}”拼在一起：真正的收费公路机构网站都在 kefu-guard 的"
        "名单上，而催缴通行费的诈骗短信常把人引向这类网站。",
    ),
    "url.scam_theme/toll_site": (
        "{shown} names no brand but is named for {theme_en} ('{word}') together with a state's code or a "
        "payment service's word: toll agencies' own sites are on kefu-guard's list, and unpaid-toll texts "
        "send people to names like this one.",
        "{shown} 不属于任何品牌，名字却把{theme_zh}的字样（“{word}”）和州名缩写或缴费服务的字样拼在一起："
        "真正的收费公路机构网站都在 kefu-guard 的名单上，而催缴通行费的诈骗短信常把人引向这类网站。",
    ),
    "lookalike.scam_words/word": (
        "'{word}' ({meaning_en})",
        "“{word}”（{meaning_zh}）",
    ),
    "lookalike.scam_words/separator": (", ", "、"),
    "url.fake_government": (
        "{shown} calls itself 'gov' but is not a government site: government sites end in a government "
        "ending such as .gov.cn.",
        "{shown} 名字里带“gov”，却不是政府网站：政府网站的域名以 .gov.cn 等政府专用后缀结尾。",
    ),
    "url.fake_government/evisa": (
        "{shown} is named for an e-visa but is not a government site: a country issues its e-visa only on its "
        "government's own site, under a government ending such as .gov.in or .gov.tr. Sites like this charge fees "
        "of their own or take your passport details and payment.",
        "{shown} 以电子签证（e-visa）命名，却不是政府网站：各国只在本国政府的官方网站（以 .gov.in、.gov.tr 等政府专用"
        "后缀结尾）签发电子签证。这类网站会额外收费，或骗取您的护照信息和付款。",
    ),
    "url.fake_government/written": (
        "{shown} writes a government ending into its name ('{word}') but is not a government site: government "
        "sites end in a government ending such as .gov.cn, .go.jp or .gouv.fr.",
        "{shown} 把政府域名后缀写进了名字（“{word}”），却不是政府网站：政府网站的域名以 .gov.cn、.go.jp、.gouv.fr "
        "等政府专用后缀结尾。",
    ),
    # names written to pass for another (name_tricks.py)
    "url.digit_for_letter": (
        "{shown} starts with the digit 0 where the letter o would be ('{word}' written with a zero): a name "
        "written that way passes for the one it spells; ordinary sites do not name themselves so.",
        "{shown} 开头用数字 0 代替字母 o（把“{word}”写成了 0 开头）：这样写的名字是为了冒充它拼出的那个名字，正规网站不会这样起名。",
    ),
    "url.look_alike_word": (  # {word}: the sign-in word; {spelt}: as the name spells it
        "{shown} spells '{word}' as '{spelt}', with a character that only looks like the letter: a name "
        "written so to pass at a glance for a sign-in or account page; ordinary sites do not misspell their "
        "own words.",
        "{shown} 把“{word}”写成了“{spelt}”，用外形相似的字符冒充字母：这是为了让人一眼看去以为是登录或账户页面；"
        "正规网站不会把自己的用词写错。",
    ),
    "url.pseudo_ending": (
        "{shown} ends in '{ending}', two endings that read as a .com or a country's address but are names a "
        "private company sells under its own domain; throwaway and look-alike sites use them, few real "
        "businesses do.",
        "{shown} 以“{ending}”结尾：这两段看似 .com 或某国的域名后缀，其实是一家私人公司在自己的域名下出售的名字；"
        "临时搭建和仿冒的网站常用它，正规企业很少用。",
    ),
    "url.server_address": (
        "{host} has a server's numeric address written into its name ({word}): the name a hosting company or "
        "internet provider gives a machine, not a site's own; real brands' sites use their own domain names.",
        "{host} 的名字里写着一台服务器的数字地址（{word}）：这是托管商或网络运营商给机器起的默认名称，不是网站自己的域名；"
        "正规品牌网站都使用自己的域名。",
    ),
    # names no one could say (throwaway_names.py)
    "url.throwaway_name": (  # {word}: the part of the name that reads as no word; {ending}: without the dot
        "{shown} names no brand and its name ('{word}') reads as no word, under the .{ending} ending that "
        "throwaway scam sites favour: it looks like a name a script drew for one wave of scam messages.",
        "{shown} 不属于任何品牌，名字（“{word}”）读不成任何词，且使用诈骗网站常用的 .{ending} 后缀："
        "像是程序为一批诈骗短信随机生成的网站名。",
    ),
    "url.throwaway_name/dynamic_dns": (  # {word}: the drawn part; {ending}: the dynamic-DNS service's suffix
        "{shown} names no brand and its name ('{word}') reads as no word, on {ending}, a dynamic-DNS service "
        "where anyone gets a name for free in a minute: it looks like a name a script drew for one wave of scam "
        "messages.",
        "{shown} 不属于任何品牌，名字（“{word}”）读不成任何词，而且挂在任何人都能免费、即时取名的动态域名服务 {ending} 下："
        "像是程序为一批诈骗短信随机生成的网站名。",
    ),
    "url.throwaway_name/pair": (  # {word}: the front name; {site}: the site's own drawn name
        "{shown} names no brand and is two names that read as no word, '{word}' in front of '{site}': "
        "a name a script drew, on a site a script named; businesses give their sites names people can say.",
        "{shown} 不属于任何品牌，由两个读不成词的名字组成（“{word}”在“{site}”前面）：像是程序随机生成的子域名"
        "挂在同样随机命名的网站上；正规企业的网站名都是读得出来的。",
    ),
    # the URL's shape (shape.py)
    "url.userinfo_brand": (
        "The link shows {official} before an '@', but it really opens {host}.",
        "该链接在“@”前显示 {official}，但实际打开的是 {host}。",
    ),
    "url.userinfo": (
        "The link hides its real destination {host} behind text and an '@'.",
        "该链接用“@”前的文字掩盖了真实地址 {host}。",
    ),
    "url.ip_brand": (
        "The link goes to a bare IP address ({host}) while naming {brand_en}; its official site is {official}.",
        "该链接指向裸 IP 地址（{host}）却冒用{brand_zh}的名义；官方网站是 {official}。",
    ),
    "url.ip_host": (
        "The link goes to a bare IP address ({host}); real brands' sites use their domain names.",
        "该链接指向裸 IP 地址（{host}）；正规品牌网站都使用自己的域名。",
    ),
    "url.shortener_brand": (
        "{site} is a link shortener that hides the real destination, while the link names {brand_en}; its "
        "official site is {official}.",
        "{site} 是隐藏真实去向的短链接，却冒用{brand_zh}的名义；官方网站是 {official}。",
    ),
    "lookalike.user_content": (
        "{site} publishes anyone's pages; this one is named '{word}' after {brand_en}, whose official site is "
        "{official}. {brand_en} does not run its service from such a page.",
        "{site} 上任何人都可以发布页面；这个页面以“{word}”为名冒用{brand_zh}，{brand_zh}的官方网站是 {official}。"
        "{brand_zh}不会在这样的页面上提供服务。",
    ),
    "url.brand_sign_in_path": (
        "The link's path names {brand_en} next to the words of a sign-in page, but the site is {site}; "
        "{brand_en}'s official site is {official}.",
        "该链接路径中出现{brand_zh}的名称和登录页面的字样，但实际网站是 {site}；{brand_zh}的官方网站是 {official}。",
    ),
    "url.brand_page": (
        "The link opens a page named '{word}' after {brand_en} on {site}, which is not {brand_en}'s; "
        "{brand_en}'s official site is {official}.",
        "该链接打开的是 {site} 上一个以“{word}”命名、冒用{brand_zh}名义的页面，该网站并不属于{brand_zh}；"
        "{brand_zh}的官方网站是 {official}。",
    ),
    "url.brand_app_file": (
        "The link downloads an app file '{word}' named after {brand_en} from {site}, which is not {brand_en}'s; "
        "{brand_en}'s apps come only from {official} and the official app stores.",
        "该链接从不属于{brand_zh}的 {site} 下载以{brand_zh}命名的安装包“{word}”；{brand_zh}的App只能从 {official} "
        "或官方应用商店获取。",
    ),
    "url.files_folder_page": (  # {word}: the folder
        "The link opens a page in the '{word}' folder of {site}, where a site keeps its pictures, uploads "
        "or temporary files, not its pages: the way a scam page is put on a site broken into.",
        "该链接打开的是 {site} 的“{word}”文件夹里的页面；网站在这类文件夹里存放图片、上传文件或临时文件，"
        "而不是网页：这是诈骗网页被放到遭入侵网站上的常见方式。",
    ),
    "url.brand_in_path": (
        "The link names {official} in its path, but the site is {site}.",
        "该链接路径中出现 {official}，但实际网站是 {site}。",
    ),
}


HOST_FIELDS = ("shown", "host", "site", "listed")  # fields that hold a host name, shown by display.py
UNMARKED_CODES = ("official.", "none.")  # an official or unknown site's own name imitates nothing: no marks
MARKS_NOTE = (
    "Characters in [ ] only look like the letters they imitate.",
    "[ ] 中的字符只是外形与所模仿的字母相似。",
)


def code_of(message: str) -> str:
    """The reason code a message id belongs to: 'lookalike.homograph/small_type' -> 'lookalike.homograph'."""
    return message.partition("/")[0]


def render(message: str, **fields: str) -> tuple[str, str]:
    """The English and Chinese text of a message id with its fields filled in."""
    en, zh = MESSAGES[message]
    marked = False
    for name in HOST_FIELDS:
        value = fields.get(name)
        if value is not None and "xn--" in value:
            fields[name], marks = shown_host(value, mark=not message.startswith(UNMARKED_CODES))
            marked = marked or marks
    en, zh = en.format(**fields), zh.format(**fields)
    if marked:
        en, zh = f"{en} {MARKS_NOTE[0]}", f"{zh}{MARKS_NOTE[1]}"
    return en, zh
