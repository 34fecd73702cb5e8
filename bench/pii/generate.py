"""Synthetic Kazakhstan student table with gold PII spans, for the benchmark, the demo and tests.

15 columns: ids, names (kk/ru/en), valid IINs, birth dates, phones in every common writing,
e-mails, addresses (ru/kk), IPs, event timestamps, 12-digit order numbers that are *not* IINs
(distractors), and a chat message in kk/ru/en with embedded PII. All values are synthetic.
Gold spans are written as JSONL in the findings format (file, row, column, start, end, entity_type).

    python -m bench.pii.generate --rows 100000 --out bench/data/students.csv
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from datetime import date, datetime, timedelta
from pathlib import Path

from faker import Faker

from auditor.pii.kz_ids import check_digit, is_valid_bin, is_valid_iin

KK_MALE = [
    "Нұрлан",
    "Ерлан",
    "Асқар",
    "Бауыржан",
    "Дәурен",
    "Ержан",
    "Айбек",
    "Нұрсұлтан",
    "Темірлан",
    "Әлихан",
    "Санжар",
    "Арман",
    "Еркебұлан",
    "Дархан",
    "Мирас",
    "Ақжол",
    "Бекзат",
    "Олжас",
    "Жандос",
    "Ильяс",
]
KK_FEMALE = [
    "Айгерім",
    "Әсел",
    "Дана",
    "Жансая",
    "Аружан",
    "Мөлдір",
    "Гүлназ",
    "Ақбота",
    "Томирис",
    "Аяулым",
    "Жұлдыз",
    "Сабина",
    "Камила",
    "Дариға",
    "Әйгерім",
    "Нұрай",
    "Меруерт",
    "Балжан",
    "Інжу",
    "Салтанат",
]
KK_SURNAME_ROOTS = [
    "Серік",
    "Абдрахман",
    "Жұмабай",
    "Нұрлан",
    "Қасым",
    "Төлеген",
    "Бекмұхамед",
    "Оспан",
    "Ахмет",
    "Есенжол",
    "Сәрсенбай",
    "Құдайберген",
    "Мұқан",
    "Ермек",
    "Әбдіқадыр",
]
KK_LATIN = {
    "Нұрлан": "Nurlan",
    "Айгерім": "Aigerim",
    "Аружан": "Aruzhan",
    "Ерлан": "Yerlan",
    "Дана": "Dana",
    "Асқар": "Askar",
    "Әсел": "Assel",
    "Арман": "Arman",
    "Жансая": "Zhansaya",
    "Мирас": "Miras",
}
SCHOOLS = ["№15 гимназия", "НИШ ФМН Алматы", "№45 мектеп-лицей", "№8 жалпы білім беретін мектеп", "Лицей №134"]
CITIES = ["Алматы", "Астана", "Шымкент", "Қарағанды", "Ақтөбе", "Талдықорған"]
STREETS = ["Абая", "Сатпаева", "Толе би", "Жандосова", "Назарбаева", "Кенесары", "Достык", "Гоголя"]
KK_STREETS = ["Абай", "Сәтбаев", "Төле би", "Жандосов", "Кенесары", "Достық", "Әуезов"]
ZONES = ["701", "702", "705", "707", "747", "771", "775", "776", "777", "778"]
COLUMNS = [
    "student_id",
    "full_name",
    "iin",
    "birth_date",
    "gender",
    "school",
    "class",
    "city",
    "address",
    "parent_phone",
    "parent_email",
    "last_login",
    "order_no",
    "device_ip",
    "chat_message",
]


def make_iin(rng: random.Random, born: date, male: bool) -> str:
    century = {1800: 1, 1900: 3, 2000: 5}[born.year // 100 * 100] + (0 if male else 1)
    while True:
        prefix = f"{born:%y%m%d}{century}{rng.randrange(10000):04d}"
        digit = check_digit(prefix)
        if digit is not None:
            return prefix + str(digit)


def make_distractor(rng: random.Random) -> str:
    """A 12-digit order number that is neither a valid IIN nor a valid BIN."""
    while True:
        number = f"{rng.randrange(10**11, 10**12)}"
        if not is_valid_iin(number) and not is_valid_bin(number):
            return number


def make_phone(rng: random.Random) -> str:
    zone, a, b, c = rng.choice(ZONES), rng.randrange(1000), rng.randrange(100), rng.randrange(100)
    return rng.choice(
        [
            f"+7 {zone} {a:03d} {b:02d} {c:02d}",
            f"+7 ({zone}) {a:03d}-{b:02d}-{c:02d}",
            f"8 {zone} {a:03d}{b:02d}{c:02d}",
            f"8{zone}{a:03d}{b:02d}{c:02d}",
            f"+7{zone}{a:03d}{b:02d}{c:02d}",
            f"8 ({zone}) {a:03d}-{b:02d}-{c:02d}",
        ]
    )


class Person:
    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.language = rng.choices(["kk", "ru", "en"], weights=[45, 40, 15])[0]
        self.male = rng.random() < 0.5
        if self.language == "kk":
            self.first = rng.choice(KK_MALE if self.male else KK_FEMALE)
            root = rng.choice(KK_SURNAME_ROOTS)
            self.last = rng.choice(
                [f"{root}ов" if self.male else f"{root}ова", f"{root}ұлы" if self.male else f"{root}қызы"]
            )
        elif self.language == "ru":
            fake = fakers["ru"]
            self.first = fake.first_name_male() if self.male else fake.first_name_female()
            self.last = fake.last_name_male() if self.male else fake.last_name_female()
        else:
            fake = fakers["en"]
            self.first = fake.first_name_male() if self.male else fake.first_name_female()
            self.last = fake.last_name()
        self.born = date(2026, 9, 1) - timedelta(days=rng.randrange(10 * 365, 18 * 365))
        self.iin = make_iin(rng, self.born, self.male)
        self.phone = make_phone(rng)
        latin = KK_LATIN.get(self.first, "student")
        self.email = f"{latin.lower()}.{rng.randrange(100, 999)}@{rng.choice(['mail.kz', 'gmail.com', 'bilim.edu.kz'])}"
        if rng.random() < 0.5:
            self.address = f"ул. {rng.choice(STREETS)}, д. {rng.randrange(1, 200)}, кв. {rng.randrange(1, 150)}"
        else:
            self.address = f"{rng.choice(KK_STREETS)} көшесі, {rng.randrange(1, 200)} үй, {rng.randrange(1, 150)} пәтер"
        self.ip = (
            f"{rng.choice([10, 85, 92, 178, 212])}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
        )


def chat_message(rng: random.Random, person: Person, friend: Person) -> tuple[str, list[tuple[int, int, str]]]:
    """A message in the person's language with 0-3 embedded PII items; returns text and gold spans."""
    templates = {
        "kk": [
            ["Сәлем! Менің атым ", ("PERSON", "name"), ", маған алгебрадан көмектесші"],
            ["Досым ", ("PERSON", "friend"), " екеуміз үй тапсырмасын түсінбедік, нөмірім ", ("PHONE_NUMBER", "phone")],
            ["Мен ", ("DATE_TIME", "dob_kk"), " туғанмын, ЖСН ", ("KZ_IIN", "iin")],
            ["Мекенжайым ", ("LOCATION", "address"), ", кітапты әкеліп бересің бе?"],
            ["Бүгін математика сабағы қиын болды, түсіндіріп бересіз бе?"],
            ["Мұғалім ", ("PERSON", "friend"), " маған жаз деді: ", ("EMAIL_ADDRESS", "email")],
        ],
        "ru": [
            ["Привет, я ", ("PERSON", "name"), ", помоги решить уравнение"],
            ["Мой ИИН ", ("KZ_IIN", "iin"), ", телефон мамы ", ("PHONE_NUMBER", "phone")],
            ["Я родилась ", ("DATE_TIME", "dob_ru"), " и живу по адресу ", ("LOCATION", "address")],
            ["Не понимаю тему про дроби, объясни пожалуйста ещё раз"],
            ["Напиши мне на ", ("EMAIL_ADDRESS", "email"), ", это ", ("PERSON", "friend"), " дала адрес"],
            ["Мой айпи ", ("IP_ADDRESS", "ip"), " почему не грузится тест?"],
        ],
        "en": [
            ["Hi, my name is ", ("PERSON", "name"), " and I need help with fractions"],
            ["My friend ", ("PERSON", "friend"), " said you can email me at ", ("EMAIL_ADDRESS", "email")],
            ["I was born on ", ("DATE_TIME", "dob_en"), ", call me at ", ("PHONE_NUMBER", "phone")],
            ["Can you explain photosynthesis in simple words?"],
            ["I live at ", ("LOCATION", "address"), " near the park"],
        ],
    }
    ru_months = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ]
    kk_months = [
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ]
    values = {
        "name": f"{person.first} {person.last}" if rng.random() < 0.6 else person.first,
        "friend": f"{friend.first} {friend.last}",
        "phone": person.phone,
        "iin": person.iin,
        "email": person.email,
        "address": person.address,
        "ip": person.ip,
        "dob_ru": rng.choice(
            [f"{person.born:%d.%m.%Y}", f"{person.born.day} {ru_months[person.born.month - 1]} {person.born.year}"]
        ),
        "dob_kk": f"{person.born.year} жылы {person.born.day} {kk_months[person.born.month - 1]}",
        "dob_en": f"{person.born:%B} {person.born.day}, {person.born.year}",
    }
    if person.language != "kk":  # a Latin or Russian-script name in a kk message would be odd; keep scripts apart
        values["friend"] = (
            f"{friend.first} {friend.last}" if friend.language != "kk" or person.language == "ru" else friend.first
        )
    text, spans = "", []
    for part in rng.choice(templates[person.language]):
        if isinstance(part, tuple):
            entity, key = part
            value = values[key]
            spans.append((len(text), len(text) + len(value), entity))
            text += value
        else:
            text += part
    return text, spans


def generate(rows: int, seed: int) -> tuple[list[list[str]], list[dict]]:
    """Rows of the table and gold spans (file and row filled in by the caller)."""
    rng = random.Random(seed)
    fakers = {"ru": Faker("ru_RU"), "en": Faker("en_US")}
    for fake in fakers.values():
        fake.seed_instance(seed)
    people = [Person(rng, fakers) for _ in range(min(rows, 5000))]
    table, gold = [], []
    for index in range(rows):
        person = people[index % len(people)]
        friend = people[(index * 7 + 3) % len(people)]
        school = rng.choice(SCHOOLS)
        grade = f"{rng.randrange(5, 12)}{rng.choice('АБВГ')}"
        login = datetime(2026, 10, 1) + timedelta(minutes=rng.randrange(60 * 24 * 50))
        message, message_spans = chat_message(rng, person, friend)
        row = [
            f"S{index:06d}",
            f"{person.last} {person.first}",
            person.iin,
            f"{person.born:%Y-%m-%d}",
            "M" if person.male else "F",
            school,
            grade,
            rng.choice(CITIES),
            person.address,
            person.phone,
            person.email,
            f"{login:%Y-%m-%d %H:%M:%S}",
            make_distractor(rng),
            person.ip,
            message,
        ]
        table.append(row)
        for column, entity in [
            ("full_name", "PERSON"),
            ("iin", "KZ_IIN"),
            ("birth_date", "DATE_TIME"),
            ("address", "LOCATION"),
            ("parent_phone", "PHONE_NUMBER"),
            ("parent_email", "EMAIL_ADDRESS"),
            ("device_ip", "IP_ADDRESS"),
        ]:
            value = row[COLUMNS.index(column)]
            gold.append(
                {
                    "row": index,
                    "column": column,
                    "start": 0,
                    "end": len(value),
                    "entity_type": entity,
                    "language": person.language,
                }
            )
        gold += [
            {
                "row": index,
                "column": "chat_message",
                "start": s,
                "end": e,
                "entity_type": t,
                "language": person.language,
            }
            for s, e, t in message_spans
        ]
    return table, gold


def write(path: Path, rows: int, seed: int) -> Path:
    """Write the CSV and ``<name>.gold.jsonl`` beside it; returns the gold path."""
    table, gold = generate(rows, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(table)
    gold_path = path.with_suffix(".gold.jsonl")
    with gold_path.open("w", encoding="utf-8") as handle:
        for span in gold:
            handle.write(json.dumps({"file": str(path), **span}, ensure_ascii=False) + "\n")
    return gold_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=Path("bench/data/students.csv"))
    args = parser.parse_args()
    print(write(args.out, args.rows, args.seed))


if __name__ == "__main__":
    main()
