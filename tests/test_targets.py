"""Real sentences and the records they must give, as (value, unit, year, comparator, indicator, scope).

Grouped like a corpus: sentences the rules were developed on (the seeds),
sentences they were checked on (eval/dev), and phrasings met in other plans.
Each text runs through the public API, tridoc.extract_text.
"""
import pytest

from tridoc import extract_text
from tridoc.targets import sentences_holding, split_sentences


def records(text, kind="target"):
    return sorted((t.value, t.unit, t.year, t.comparator, t.indicator, t.scope)
                  for t in extract_text(text).targets if t.kind == kind)


def expect(*rows):
    return sorted((float(v), u, y, c, i, s) for v, u, y, c, i, s in rows)


DEVELOPED_ON = [
    ("到 2015 年,初步建成下一代信息通信基础设施,固定宽带家庭普及率达到 45% 3G 网络基本覆盖城乡, LTE 实现规模商用,"
     "城市家庭宽带接入能力基本达到 20 Mbps (兆比特 / 秒)以上(其中部分城市达到 100 Mbps ),农村家庭宽带接入能力基本达到 4Mbps ,"
     "县级城市有线电视网双向网改率达到 70% ,市级城市达到 90% 。",
     expect((45, "percent", 2015, "ge", "broadband.household_penetration", None),
            (20, "Mbps", 2015, "ge", "broadband.access_speed", "urban"),
            (100, "Mbps", 2015, "ge", "broadband.access_speed", "some_cities"),
            (4, "Mbps", 2015, "ge", "broadband.access_speed", "rural"),
            (70, "percent", 2015, "ge", "cabletv.two_way", "county"),
            (90, "percent", 2015, "ge", "cabletv.two_way", "prefecture"))),
    ("到 2020 年,我省宽带网络全面覆盖城乡,固定宽带家庭普及率达到 70% 3G/4G 用户普及率达到 85% ,"
     "城市和农村家庭宽带接入能力分别达到 50Mbps 12Mbps 以上。",
     expect((70, "percent", 2020, "ge", "broadband.household_penetration", None),
            (85, "percent", 2020, "ge", "mobile.user_penetration", None),
            (50, "Mbps", 2020, "ge", "broadband.access_speed", "urban"),
            (12, "Mbps", 2020, "ge", "broadband.access_speed", "rural"))),
    ("到 2020 年,全省信息消费产业规模达到 5600 亿元,电子商务交易额争取突破 1 万亿元。",
     expect((5.6e11, "CNY", 2020, "ge", "info_consumption.scale", None),
            (1e12, "CNY", 2020, "gt", "ecommerce.volume", None))),
    ("到2015年,新区电子商务交易额要达到6000亿元,第三方支付资金达30000亿元,大宗商品电子交易额达到5000亿元。",
     expect((6e11, "CNY", 2015, "ge", "ecommerce.volume", None),
            (3e12, "CNY", 2015, "ge", "payment.third_party", None),
            (5e11, "CNY", 2015, "ge", "commodity.e_trading", None))),
    ("全面推进我市三网融合试点，力争到2015年底完成以下目标：\n(一)推进网络统筹规划，实现新建楼宇光纤覆盖率达100%，"
     "逐步提升城区光纤到户覆盖率；广州市互联网普及率达到80%，家庭宽带普及率达到85%，无线宽带网络覆盖率达到85%。",
     expect((100, "percent", 2015, "ge", "fiber.coverage", "new_buildings"),
            (80, "percent", 2015, "ge", "internet.penetration", None),
            (85, "percent", 2015, "ge", "broadband.household_penetration", None),
            (85, "percent", 2015, "ge", "wireless.coverage", None))),
    ("By 2020, the scale of information consumption has reached 3 billion yuan, with an average annual growth of "
     "more than 40%, driving new output in related industries to exceed 1 billion yuan.",
     expect((3e9, "CNY", 2020, "ge", "info_consumption.scale", None),
            (40, "percent", 2020, "gt", "info_consumption.growth", None),
            (1e9, "CNY", 2020, "gt", "industry.output", None))),
    ("By 2020, things improve.\nCommercial building users have access capabilities of more than 100Mbps, achieving "
     "100% fiber-to-building rate.\nThe access bandwidth for urban residents generally reaches more than 20Mbps, the "
     "access bandwidth for towns and streets is more than 20Mbps, and the access bandwidth for rural areas is more "
     "than 4Mbps.\nThe city's export bandwidth reaches 50G.",
     expect((100, "Mbps", 2020, "gt", "broadband.access_speed", "enterprise"),
            (100, "percent", 2020, "ge", "fiber.coverage", "enterprise"),
            (20, "Mbps", 2020, "gt", "broadband.access_speed", "urban"),
            (20, "Mbps", 2020, "gt", "broadband.access_speed", "town"),
            (4, "Mbps", 2020, "gt", "broadband.access_speed", "rural"),
            (50000, "Mbps", 2020, "ge", "broadband.export_bandwidth", None))),
]

EVALUATED_ON = [
    ("According to the plan, broadband service coverage in administrative villages is expected to reach 95% in 2015 "
     "and 98% in 2020. The speed of broadband access in urban and rural areas will reach 50 Mbps and 12 Mbps "
     "respectively by 2020, with some residential areas in first-tier cities reaching 1 Gbps.",
     expect((95, "percent", 2015, "ge", "broadband.village_coverage", None),
            (98, "percent", 2020, "ge", "broadband.village_coverage", None),
            (50, "Mbps", 2020, "ge", "broadband.access_speed", "urban"),
            (12, "Mbps", 2020, "ge", "broadband.access_speed", "rural"),
            (1000, "Mbps", 2020, "ge", "broadband.access_speed", "some_cities"))),
    ("The penetration of fixed line and 3G/LTE networks are expected to arrive at 70% and 85% respectively by 2020.",
     expect((70, "percent", 2020, "ge", "broadband.household_penetration", None),
            (85, "percent", 2020, "ge", "mobile.user_penetration", None))),
    ("2015年的主要引导目标是新增的光纤用户覆盖家庭是八千万户,新建4G基站要超过六十万个。4G网络覆盖县城和发达乡镇,新增1.4万个行政村通宽带。"
     "新增4G用户也将超过两万户,同时使用8兆每秒以上的这种接入速率的宽带用户占比将达到55%,"
     "鼓励有条件的地区推广50兆每秒以及100兆每秒的高宽带的这种接入服务。",
     expect((8e7, "count", 2015, "eq", "fiber.coverage", None),
            (6e5, "count", 2015, "gt", "mobile.base_stations", None),
            (1.4e4, "count", 2015, "eq", "broadband.village_coverage", None),
            (2e4, "count", 2015, "gt", "mobile.users", None),
            (55, "percent", 2015, "ge", "broadband.high_speed_share", None))),
    ("到2015年底,固定寬帶家庭普及率達到85%,移動互聯(lián)網(wǎng)用戶普及率超過90%;全市20戶以上自然村基本通寬帶;"
     "城市、鄉(xiāng)鎮(zhèn)、農(nóng)村家庭寬帶接入能力分別達到100兆比特/秒(Mbps)、20Mbps和10Mbps。",
     expect((85, "percent", 2015, "ge", "broadband.household_penetration", None),
            (90, "percent", 2015, "gt", "mobile.user_penetration", None),
            (100, "Mbps", 2015, "ge", "broadband.access_speed", "urban"),
            (20, "Mbps", 2015, "ge", "broadband.access_speed", "town"),
            (10, "Mbps", 2015, "ge", "broadband.access_speed", "rural"))),
    ("到2020年,全省信息消费规模达到6000亿元,年均增长15%以上。培育12家全国百强互联网企业、50家十亿元规模以上的大数据龙头企业。"
     "城镇和农村家庭宽带达到千兆接入能力。",
     expect((6e11, "CNY", 2020, "ge", "info_consumption.scale", None),
            (15, "percent", 2020, "ge", "info_consumption.growth", None),
            (12, "count", 2020, "eq", "other", None), (50, "count", 2020, "eq", "other", None),
            (1000, "Mbps", 2020, "ge", "broadband.access_speed", None))),
]

IN_THE_WILD = [
    ("到“十二五”末，全市固定宽带用户超过300万户，宽带普及率达到50%以上。",
     expect((3e6, "count", 2015, "gt", "broadband.users", None),
            (50, "percent", 2015, "ge", "broadband.household_penetration", None))),
    ("力争到2017年底，4G用户数突破1000万，4G基站总数达到5万个。",
     expect((1e7, "count", 2017, "gt", "mobile.users", None),
            (5e4, "count", 2017, "ge", "mobile.base_stations", None))),
    ("到二〇二〇年，全市有线电视网络数字化率达到百分之百，双向化率达到百分之八十，IPTV用户达到200万户。",
     expect((100, "percent", 2020, "ge", "cabletv.digitization", None),
            (80, "percent", 2020, "ge", "cabletv.two_way", None),
            (2e6, "count", 2020, "ge", "tv.users", None))),
    ("到2015年，80%以上家庭具备100Mbps光纤接入能力，互联网出口带宽达到3000G。",
     expect((80, "percent", 2015, "ge", "broadband.high_speed_share", None),
            (3e6, "Mbps", 2015, "ge", "broadband.export_bandwidth", None))),
    ("By 2020, broadband access speeds will reach 50Mbps in urban areas and 12Mbps in rural areas.",
     expect((50, "Mbps", 2020, "ge", "broadband.access_speed", "urban"),
            (12, "Mbps", 2020, "ge", "broadband.access_speed", "rural"))),
    ("Internet penetration will exceed 60 percent by 2015, and half of households will have fixed broadband.",
     expect((60, "percent", 2015, "gt", "internet.penetration", None),
            (50, "percent", 2015, "eq", "broadband.household_penetration", None))),
    ("By the end of 2015, fixed broadband will cover 270 million households.",
     expect((2.7e8, "count", 2015, "ge", "broadband.users", None),)),
    ("目标：2015年底前，全市3G/4G用户普及率达到80%，WiFi覆盖率约为90%。",
     expect((80, "percent", 2015, "ge", "mobile.user_penetration", None),
            (90, "percent", 2015, "approx", "wireless.coverage", None))),
    ("一、发展目标\n到2015年，宽带用户达到500万户。\n二、重点任务\n宽带接入能力达到20Mbps。",
     expect((5e6, "count", 2015, "ge", "broadband.users", None),
            (20, "Mbps", None, "ge", "broadband.access_speed", None))),
    ("到2025年，全省宽带用户达到500万户。\n1.网络设施。宽带接入能力达到1000Mbps。",  # 1. opens a section (GUIDE)
     expect((5e6, "count", 2025, "ge", "broadband.users", None),
            (1000, "Mbps", None, "ge", "broadband.access_speed", None))),
    ("到2015年,主要目标如下:\n1.宽带用户达到500万户;\n2.城市家庭宽带接入能力达到20Mbps。",  # 1. after a colon: a list
     expect((5e6, "count", 2015, "ge", "broadband.users", None),
            (20, "Mbps", 2015, "ge", "broadband.access_speed", "urban"))),
    ("信息消费规模超过3.2万亿元，年均增长20%左右，资费水平不超过每月50元。",
     expect((3.2e12, "CNY", None, "gt", "info_consumption.scale", None),
            (20, "percent", None, "approx", "info_consumption.growth", None),
            (50, "CNY", None, "le", "other", None))),
    ("到2017年底，城乡宽带平均资费水平较2014年下降30%以上，农村地区宽带用户月资费控制在50元以内。",
     expect((30, "percent", 2017, "ge", "price.reduction", None), (50, "CNY", 2017, "le", "other", "rural"))),
    ("到2017年，培育10家以上营业收入超亿元的智慧城市骨干企业。",
     expect((10, "count", 2017, "ge", "other", None),)),
    ("Fixed broadband household penetration is targeted at 50 percent by 2015, up from 37 percent at the end of "
     "2012, and more than 95 percent of administrative villages will have broadband.",
     expect((50, "percent", 2015, "eq", "broadband.household_penetration", None),
            (95, "percent", 2015, "gt", "broadband.village_coverage", None))),
    ("到2020年，80%以上家庭具备1000Mbps（千兆）接入能力。",
     expect((80, "percent", 2020, "ge", "broadband.high_speed_share", None),)),
    ("Household broadband penetration will reach 55%/65% in 2013/2015.",
     expect((55, "percent", 2013, "ge", "broadband.household_penetration", None),
            (65, "percent", 2015, "ge", "broadband.household_penetration", None))),
    ("到2015年，宽带资费下降10%-20%，城市家庭宽带接入能力达到50-100Mbps。",
     expect((10, "percent", 2015, "ge", "price.reduction", None),
            (50, "Mbps", 2015, "ge", "broadband.access_speed", "urban"))),
    ("By the end of 2018, fiber-optic connections will reach 98 percent of the province's roughly 46,000 "
     "administrative villages.",
     expect((98, "percent", 2018, "ge", "broadband.village_coverage", None),)),
    ("Sichuan will invest 60 billion yuan ($9.2 billion) between 2016 and 2018, and Chengdu aims to have "
     "1,000-Mbps connections available to 500,000 homes by 2018.",
     expect((6e10, "CNY", 2018, "eq", "investment", None), (5e5, "count", 2018, "ge", "other", None))),
    ("到2017年，網路建設投資將超過4300億元人民幣（約合新台幣2.1兆元），一線城市提供1000Mbps接入服務。",
     expect((4.3e11, "CNY", 2017, "gt", "investment", None),
            (1000, "Mbps", 2017, "ge", "broadband.access_speed", "some_cities"))),
    ("Key policy targets for 2020\n- Fixed broadband household penetration: 70% (2015: 40%)\n"
     "- Information consumption: RMB6trn (2015: RMB3.2trn)",
     expect((70, "percent", 2020, "eq", "broadband.household_penetration", None),
            (6e12, "CNY", 2020, "eq", "info_consumption.scale", None))),
    ("MIIT set a goal of adding 30 million FTTH subscribers in 2017, and we estimate total FTTH subs will "
     "reach 310mn by end-2017E.",
     expect((3e7, "count", 2017, "eq", "fiber.users", None),)),
    ("城市和农村家庭宽带接入能力分别达到50Mbps、12Mbps。",
     expect((50, "Mbps", None, "ge", "broadband.access_speed", "urban"),
            (12, "Mbps", None, "ge", "broadband.access_speed", "rural"))),
    # after a reporting verb, "would" is a reported "will"
    ("Wang said mobile data charges in the province would be cut by at least 30 percent in 2016.",
     expect((30, "percent", 2016, "ge", "price.reduction", None),)),
    # after a comma, a share that says what it is of opens a clause of its own…
    ("By 2020, the 3G/LTE user penetration rate will be above 85%, and 98% of administrative villages will have "
     "broadband access.",
     expect((85, "percent", 2020, "ge", "mobile.user_penetration", None),
            (98, "percent", 2020, "ge", "broadband.village_coverage", None))),
    # …but a list read "respectively" stays one list
    ("By 2020, fiber coverage will reach 50% and 80% of administrative villages respectively.",
     expect((50, "percent", 2020, "ge", "fiber.coverage", None),
            (80, "percent", 2020, "ge", "fiber.coverage", None))),
    # a share names its group after it ("80% of urban households"), not the group of the list before
    ("By 2020, the broadband access capability of urban and rural households will reach 50Mbps and 12Mbps "
     "respectively, and more than 80% of urban households will have an access capability of 100Mbps.",
     expect((50, "Mbps", 2020, "ge", "broadband.access_speed", "urban"),
            (12, "Mbps", 2020, "ge", "broadband.access_speed", "rural"),
            (80, "percent", 2020, "gt", "broadband.high_speed_share", "urban"))),
    # a number grouped in thousands, then a comma that ends the clause
    ("By the end of 2018 the number of 4G base stations in the province is set to rise to 150,000, and the plan "
     "expects 4G users to top 50 million.",
     expect((1.5e5, "count", 2018, "ge", "mobile.base_stations", None),
            (5e7, "count", 2018, "gt", "mobile.users", None))),  # to top: to exceed
    ("By the end of 2023, gigabit broadband users will top 30 million.",
     expect((3e7, "count", 2023, "gt", "broadband.users", None),)),
    # "mobile" as Taiwan (行動) and Hong Kong (流動) write it
    ("北京計劃到2020年，行動寬頻用戶普及率達到100%。",
     expect((100, "percent", 2020, "ge", "mobile.user_penetration", None),)),
    ("按規劃，到2020年流動寬頻用戶達到1,000萬。",
     expect((1e7, "count", 2020, "ge", "mobile.users", None),)),
    # 累计完成 totals a plan's years as well as past ones: the year says which
    ("到2023年，三年累计完成信息通信业固定资产投资不少于一百二十亿元。",
     expect((1.2e10, "CNY", 2023, "ge", "investment", None),)),
    ("By 2017, the 4G base station reaches 6 thousand 500.",  # machine translation, bare
     expect((6500, "count", 2017, "ge", "mobile.base_stations", None),)),
    # figures and years paired "respectively"; the last year listed is the one in force after
    ("The number of 5G base stations will reach 15,000, 22,000 and 30,000 respectively by the end of 2021, 2022 "
     "and 2023. Gigabit broadband users shall exceed 1 million.",
     expect((15000, "count", 2021, "ge", "mobile.base_stations", None),
            (22000, "count", 2022, "ge", "mobile.base_stations", None),
            (30000, "count", 2023, "ge", "mobile.base_stations", None),
            (1e6, "count", 2023, "gt", "broadband.users", None))),
    ("II. Main Objectives\nBy 2023, gigabit broadband users will exceed 1 million.\nIII. Key Tasks\n"
     "The city shall build no less than 5,900 new 5G base stations.",
     expect((1e6, "count", 2023, "gt", "broadband.users", None),  # III. opens a section: the year ends
            (5900, "count", None, "ge", "mobile.base_stations", None))),
    ("By 2020, fibre networks will pass more than 20m households.",
     expect((2e7, "count", 2020, "gt", "fiber.coverage", None),)),
    # a wire story: the deadline in force after "by 2025, from … in 2020", a period 2021-2025, targets "for 2025"
    ("China aims to have 60 million gigabit broadband subscribers and lift the share to 56% by 2025. "
     "Revenue should grow about 10% a year to around 4.3 trillion yuan by 2025, from 2.64 trillion yuan in 2020. "
     "Investment over the 2021-2025 period is set at 3.7 trillion yuan. The country of 1.4 billion people spends more.",
     expect((6e7, "count", 2025, "ge", "broadband.users", None), (56, "percent", 2025, "ge", "other", None),
            (10, "percent", 2025, "approx", "other", None), (4.3e12, "CNY", 2025, "approx", "other", None),
            (3.7e12, "CNY", 2025, "eq", "investment", None))),
    # a year after a comma belongs to the next clause when the figure's own clause opened with one
    ("In 2015 the city will build 2,000 4G base stations, in 2016 it will add 300,000 FTTH subscribers.",
     expect((2000, "count", 2015, "eq", "mobile.base_stations", None), (3e5, "count", 2016, "eq", "fiber.users", None))),
    # counts set by 推动 (push 1000 firms onto the cloud), not a size class
    ("到2025年，每年推动1000家以上企业上云用数赋智。", expect((1000, "count", 2025, "ge", "other", None),)),
    ("By 2017, the 20 households above natural village pass broadband ratio reaches 90%.",  # machine translation
     expect((90, "percent", 2017, "ge", "broadband.village_coverage", None),)),
    # a fund of a size that the sentence sets up; a count of connections; a count per head
    ("到2025年，设立总规模20亿元的数字经济产业投资基金。", expect((2e9, "CNY", 2025, "eq", "investment", None),)),
    ("到2019年，LTE网络IPv6活跃连接数达到8亿。", expect((8e8, "count", 2019, "ge", "other", None),)),
    ("By 2025, 5G base stations will total 150,000, or 25 per 10,000 people.",
     expect((1.5e5, "count", 2025, "eq", "mobile.base_stations", None),
            (25, "count", 2025, "eq", "mobile.base_stations", None))),
    # a clause that leaves out the verb goes on with the one before it
    ("By 2020, the fixed broadband household penetration rate will reach 65% and the 3G/LTE user penetration rate 80%.",
     expect((65, "percent", 2020, "ge", "broadband.household_penetration", None),
            (80, "percent", 2020, "ge", "mobile.user_penetration", None))),
    # a scaled number with no unit word, counting what its subject says is a number
    ("到2020年，IPv6活跃用户数达到300万。", expect((3e6, "count", 2020, "ge", "other", None),)),
    # two figures alike that the catalogue cannot name, side by side: two targets, not one restated
    ("到2020年，市级行政审批事项网上办理率不低于90%；二级以上医院电子病历普及率100%；中小学宽带网络“校校通”比例达到百分之百。",
     expect((90, "percent", 2020, "ge", "other", None), (100, "percent", 2020, "eq", "other", "public"),
            (100, "percent", 2020, "ge", "other", "public"))),
]


@pytest.mark.parametrize("text, want", DEVELOPED_ON + EVALUATED_ON + IN_THE_WILD)
def test_sentences_give_their_targets(text, want):
    assert records(text) == want


NOTHING = [
    "根据国务院《关于印发“宽带中国”战略及实施方案的通知》(国发〔2013〕31号)精神,结合我省实际。",
    "湘政发〔 2014 8",
    "深入贯彻落实党的十八大、十八届三中全会精神,围绕“四化两型”总战略和“三量齐升”总要求。",
    "把推进三网融合工作与落实《珠江三角洲地区改革发展规划纲要(2008-2020年)》结合起来。",
    "Thoroughly implement the spirit of the 18th National Congress of the Communist Party of China.",
    "on June 30, the State Council officially approved Shenzhen to become the first batch of pilot cities",
    "Copyright © 2011 JIN SHI",
    "完善第二代移动通信( 2G )网络覆盖,扩大第三代移动通信( 3G )网络覆盖范围,加快第四代移动通信( 4G )网络建设。",
    "加快互联网系统的 IPV6 (下一代互联网协议)升级改造,支持制造企业发展网络直销( M2C )。",
    "1。利民惠民\n(一)指导思想\n二〇一二年五月四日\n2014 2 22",
    "在4月14号召开的一季度经济形式座谈会上,中国在世界范围内的排名在八十位以后。",
    "鼓励有条件的地区推广50兆每秒以及100兆每秒的高宽带接入服务。",
    "the proposal was put forward by eight members including Yuan Ming during the first session of the fifth CPPCC.",
    "全市20户以上自然村基本通宽带,学校、图书馆、医院等公益机构基本实现宽带接入。",
    "联系电话:0731-88888888,邮编:410000。",
    "Shares of China Unicom fell 1.8 percent in Hong Kong on Thursday, while China Mobile was little changed.",
    "有证券分析师估算,到2015年信息消费每增加100亿元,可带动国民经济增长338亿元。",
    "Li Mingyuan, an analyst, estimated that 4G subscribers could hit 10 million by the end of 2016.",
    "到2015年，对信息消费重点项目给予倾斜支持，单个项目补助金额原则上不超过500万元。",
    "Prices of gigabit plans would fall by at least 30 percent by 2016, the operator's rivals believe.",  # no one reported
    "Analysts said mobile data charges would be cut by at least 30 percent in 2016.",  # a reported guess stays a guess
    "到2023年，新建住宅小区同步部署千兆光网，推动家庭内部布线改造和千兆WiFi普及。",  # kinds of network, not speeds
    "He expected China's 5G users to exceed 800 million by the end of 2023.",  # a person's forecast
    "有分析人士預計，大規模網絡投資將帶動內蒙古信息消費規模在2020年超過1200億元。",
    "据有关机构预测，到2025年我国数字经济规模将超过60万亿元。", "据第三方机构预测，今年全市5G用户有望突破1200万户。",
    "他預估，成都數位經濟規模在2025年有望達到1.5兆元人民幣。",
    "By 2025, 5G networks will cover all natural villages with more than 20 households.",  # a kind of village
    "2019年底前实现城区千兆光网全覆盖。", "到2023年，推动新建住宅小区实现千兆光纤到户。",  # kinds of network
    "到2023年，实现“百城千兆”。",  # a name in quotes
    # grants: who qualifies, how much each gets, how it is paid
    "到2022年，对年度建设任务完成率达到100%的运营企业，按照每个宏基站1万元的标准给予奖励。",
    "到2025年，对评定为省级数字乡村示范村的，省级财政给予每村20万元奖补。",
    "到2018年，补助资金按照“先建后补”原则，验收合格后拨付70%，运营满一年后拨付剩余30%。",
    "到2020年，按实际支付费用的50%给予补贴，单个企业每年最高不超过20万元。",
    # a company's or a researcher's expectation
    "中国电信山西公司有关负责人表示，公司预计到今年年底全省光纤到户用户将超过80万户。",
    "中国移动大连分公司表示，预计今年年底其在大连开通的5G基站将超过600个。",
    "台灣經濟研究院一位研究員分析，廣東新基建相關商機到2025年可望超過5000億元人民幣。",
    "Enterprises recognized as smart factories may receive a one-off reward of up to 2 million yuan by 2025.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_sentences_that_give_nothing(text):
    assert extract_text(text).targets == []


BASELINES = [
    ("截至2013年底，全省互联网用户达到2500万户，宽带用户已达到800万户。", 2),
    ("China's Ministry revealed that the overall investment in broadband deployment in China totaled around "
     "370 billion RMB in 2012.", 1),
    ("2013年第一季度,我国固定宽带用户平均带宽为3.14Mbps。", 1),
    ("截至2015年9月底,全省IPTV用户达到126万户,有线数字电视用户达到830万户。", 2),
    ("China had 205 million fixed broadband subscribers at the end of April.", 1),
    ("不过大陆宽带平均速率仅约8Mbps，在全球排名仍在80名之后。", 1),
    ("2013年,全市信息消费规模约为1150亿元。全市固定宽带用户突破300万户。\n成都市人民政府\n2014年3月18日", 2),
    ("截至2015年底，全省累计完成通信业投资120亿元。", 1),
    ("发布日期：2019-09-20\n今年上半年，河北省电信业务总量同比增长138.6%。", 1),  # a part of the year gone by
    ("發布日期：2020-05-08\n今年第一季廣東新基建項目完成投資約400億元人民幣。", 1),  # 第一季: Taiwan's first quarter
]


@pytest.mark.parametrize("text, n", BASELINES)
def test_past_figures_are_baselines(text, n):
    assert records(text, "target") == []
    assert len(records(text, "baseline")) == n


SUMMARY = """黑龙江省通信管理局2015年工作总结
发布时间：2015-12-30
一、2015年主要工作
全年完成通信业固定资产投资61.3亿元，新建4G基站1.6万个。
二、明年工作打算
(一)加快光网建设。明年计划新建4G基站1.2万个以上。
(二)推进提速降费。力争明年底城市家庭宽带接入能力普遍达到50Mbps。
(三)实施普遍服务。新增通宽带行政村1500个。
"""


def test_a_year_end_summary_reports_its_year_and_plans_the_next():
    got = {(t.value, t.year, t.kind) for t in extract_text(SUMMARY).targets}
    assert (6.13e9, 2015, "baseline") in got and (16000, 2015, "baseline") in got
    assert {(12000, 2016, "target"), (50, 2016, "target"), (1500, 2016, "target")} <= got


SECTIONS = """一、发展目标
（一）到2015年，全省固定宽带家庭普及率达到50%。
（二）互联网普及率达到60%。
二、保障措施
（一）每年新增宽带用户100万户。
"""


def test_a_year_carries_into_the_next_sub_section_and_ends_with_its_section():
    got = [(t.value, t.year) for t in extract_text(SECTIONS).targets]
    assert got == [(50, 2015), (60, 2015), (1e6, None)]


REVIEWED = """发布日期：2016-09-18
一、发展基础
全市城镇化率达83%，固定宽带家庭普及率达到61%；到2020年力争建成全光网城市，光纤到户覆盖率达到100%。
二、发展目标
固定宽带家庭普及率达到80%。
"""


def test_a_section_on_how_things_stand_gives_baselines_unless_due_later():
    got = [(t.value, t.year, t.kind) for t in extract_text(REVIEWED).targets]
    assert got == [(100, 2020, "target"), (80, None, "target"), (83, None, "baseline"), (61, None, "baseline")]


QUOTING = """{issuer}关于加快宽带网络提速降费的实施意见
国家2019专项行动提出，推动固定宽带家庭普及率、移动宽带用户普及率分别达到90%和95%。
落实国家降费要求，全县中小企业宽带平均资费再降低15%。
"""


@pytest.mark.parametrize("issuer, values", [
    ("沂水县人民政府", [15]),  # the nation's goals a county quotes are not its own; those it takes on are
    ("国务院办公厅", [90, 95, 15]),  # the nation's own document sets them
])
def test_a_local_document_quoting_the_nations_goals(issuer, values):
    assert [t.value for t in extract_text(QUOTING.format(issuer=issuer)).targets] == values


def test_a_county_takes_on_a_provincial_goal_after_quoting_it():
    text = ("榕江县人民政府关于实施宽带乡村工程的通知\n按照省示范工程提出的到2017年全省行政村通光纤比例达到90%的要求，"
            "结合我县实际，到2017年全县行政村通光纤比例达到95%。")
    assert [t.value for t in extract_text(text).targets] == [95]


def test_a_city_document_quoting_its_provinces_plan():
    text = ("绍兴市人民政府关于印发信息化发展规划的通知\n根据《浙江省信息化发展规划》，到2020年全省信息经济核心产业增加值占GDP比重达到10%以上。"
            "\n到2020年，全市信息经济核心产业增加值占GDP比重达到12%。")
    assert [t.value for t in extract_text(text).targets] == [12]


def test_year_end_takes_the_year_of_the_document():
    text = "江西省2015年“宽带中国”专项行动实施方案\n到年底，全省新建4G基站2.5万个，行政村通宽带比例达到95%。\n江西省通信管理局\n2015年3月20日"
    assert {(t.value, t.year) for t in extract_text(text).targets} == {(25000, 2015), (95, 2015)}


def test_a_name_with_a_speed_in_it_is_not_a_speed():
    assert extract_text("到2023年，基本建成“双千兆”网络基础设施。").targets == []


def test_threshold_is_kept_on_the_share():
    [t] = extract_text("到2015年，80%以上家庭具备100Mbps光纤接入能力。").targets
    assert (t.value, t.threshold.value, t.threshold.unit) == (80, 100, "Mbps")


@pytest.mark.parametrize("text, n", [
    ("到2025年，推动1000家企业上云。\n到2025年，引进高层次人才1000名。", 2),  # nothing alike in their words
    ("到2025年，数据中心在用标准机架达到1.2万架。\n到2025年，全市在用标准机架12000架。", 1),  # one restated
])
def test_figures_the_catalogue_cannot_name_are_one_target_only_when_named_alike(text, n):
    assert len(extract_text(text).targets) == n


def test_a_count_after_a_share_of_one_group_and_another_is_no_base_of_the_share():
    text = "Other targets for 2025 include 5G coverage of 80% of administrative villages and 800 million active IPv6 users."
    assert [(t.value, t.year) for t in extract_text(text).targets] == [(80, 2025), (8e8, 2025)]


def test_restated_target_is_one_record():
    text = "工信部就实施宽带中国2015专项行动提出意见,称今年将新增光纤到户覆盖家庭8000万户。2015年的主要引导目标是新增的光纤用户覆盖家庭是八千万户。"
    assert [t.value for t in extract_text(text).targets] == [8e7]


def test_relative_year_takes_the_year_named_in_the_sentence():
    [t] = extract_text("工信部就实施宽带中国2015专项行动提出意见,称今年将新建4G基站超过60万个。").targets
    assert t.year == 2015


def test_the_whole_year_is_the_year_named_before_it_in_the_sentence():
    text = ("发布日期：2016-12-08\n到2020年，全区宽带用户达到500万户。"
            "有关负责人表示，明年将推进宽带覆盖工程，全年新增光纤到户覆盖家庭50万户。")
    assert [(t.value, t.year) for t in extract_text(text).targets] == [(5e6, 2020), (5e5, 2017)]


SPLIT = [  # (text, the sentences it holds)
    ("到2015年,宽带用户达到2亿户。城市达到20Mbps;农村达到4Mbps\n二、保障措施", ["到2015年,宽带用户达到2亿户。", "城市达到20Mbps;",
                                                         "农村达到4Mbps\n", "二、保障措施"]),
    ("其中(城市;农村)分别达到20Mbps和4Mbps。", ["其中(城市;农村)分别达到20Mbps和4Mbps。"]),  # ; in brackets
    ("Coverage rose to 3.5 percent. By 2020, it will reach 98%.", ["Coverage rose to 3.5 percent.",
                                                                  " By 2020, it will reach 98%."]),
    ("网络质量良好.2013年完成投资", ["网络质量良好.", "2013年完成投资"]),
]


@pytest.mark.parametrize("text, sentences", SPLIT)
def test_split_sentences(text, sentences):
    assert [text[a:b] for a, b in split_sentences(text, 0, len(text))] == sentences


@pytest.mark.parametrize("text", [text for text, _ in SPLIT] + ["一\n\n二。三\n四", "\n"])
def test_the_sentences_of_a_few_lines_are_those_of_the_whole_text(text):
    whole = split_sentences(text, 0, len(text))
    for positions in ([0], [len(text) - 1], list(range(0, len(text), 3)), []):
        holding = sentences_holding(text, positions)
        assert holding == sorted(set(holding))
        assert set(holding) <= set(whole)
        assert all(any(a <= p < b for a, b in holding) for p in positions)
