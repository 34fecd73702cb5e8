"""A summary of a signed report for children and parents: short sentences, kk / ru / en.

Written for a reading level a 12-year-old can follow: one idea per sentence, everyday words,
no scores or jargon. Built only from the report (no personal data is in it).
"""

from __future__ import annotations

from typing import Any

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "intro": "{name} is a computer program that uses AI. It helps children learn at school.",
        "keeps": "It keeps these things about you: {items}.",
        "keeps_nothing": "It says it keeps no personal information about you.",
        "checked": "Experts checked it against UNICEF's rules for AI and children.",
        "low": "Result: it is mostly safe for children.",
        "medium": "Result: it needs some fixes.",
        "high": "Result: it needs important fixes.",
        "critical": "Result: it is not safe to use yet.",
        "insufficient evidence": "Result: the team did not answer enough questions, so we cannot say yet.",
        "blockers": "They found {count} serious problem(s). These must be fixed first.",
        "no_blockers": "They found no serious problems that stop it.",
        "needs_work": "Needs work: {topic}.",
        "help": "If something in the app worries you, tell a parent or a teacher, or call 150 (free child helpline).",
        "signed": "Checked and signed by {reviewer} on {date}.",
    },
    "ru": {
        "intro": "{name} — это компьютерная программа с искусственным интеллектом. Она помогает детям учиться.",
        "keeps": "Она хранит о тебе: {items}.",
        "keeps_nothing": "Она говорит, что не хранит личных данных о тебе.",
        "checked": "Эксперты проверили её по правилам ЮНИСЕФ об ИИ и детях.",
        "low": "Итог: в основном безопасна для детей.",
        "medium": "Итог: нужно кое-что исправить.",
        "high": "Итог: нужно исправить важные вещи.",
        "critical": "Итог: пользоваться пока небезопасно.",
        "insufficient evidence": "Итог: команда ответила не на все вопросы, поэтому пока сказать нельзя.",
        "blockers": "Найдено серьёзных проблем: {count}. Их нужно исправить в первую очередь.",
        "no_blockers": "Серьёзных проблем, которые мешают пользоваться, не найдено.",
        "needs_work": "Нужно улучшить: {topic}.",
        "help": "Если что-то в приложении тебя тревожит, скажи родителям или учителю. "
        "Или позвони 150 (бесплатный детский телефон доверия).",
        "signed": "Проверил и подписал {reviewer}, {date}.",
    },
    "kk": {
        "intro": "{name} — жасанды интеллектті қолданатын компьютер бағдарламасы. Ол балаларға оқуға көмектеседі.",
        "keeps": "Ол сен туралы мынаны сақтайды: {items}.",
        "keeps_nothing": "Ол сен туралы жеке деректер сақтамайды дейді.",
        "checked": "Сарапшылар оны ЮНИСЕФ-тің ЖИ және балалар туралы ережелері бойынша тексерді.",
        "low": "Қорытынды: балалар үшін негізінен қауіпсіз.",
        "medium": "Қорытынды: кейбір нәрселерді түзету керек.",
        "high": "Қорытынды: маңызды нәрселерді түзету керек.",
        "critical": "Қорытынды: әзірге қолдану қауіпсіз емес.",
        "insufficient evidence": "Қорытынды: команда барлық сұраққа жауап бермеді, сондықтан әзірге айту қиын.",
        "blockers": "{count} күрделі мәселе табылды. Оларды бірінші түзету керек.",
        "no_blockers": "Қолдануға кедергі келтіретін күрделі мәселе табылған жоқ.",
        "needs_work": "Жақсарту керек: {topic}.",
        "help": "Қосымшада бір нәрсе алаңдатса, ата-анаңа не мұғаліміңе айт. "
        "Немесе 150 нөміріне қоңырау шал (тегін балалар сенім телефоны).",
        "signed": "{date} күні {reviewer} тексеріп, қол қойды.",
    },
}
DATA_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "name": "your name",
        "contact": "how to contact you",
        "national_id": "your ID number (IIN)",
        "date_of_birth": "your birthday",
        "address": "your home address",
        "school": "your school",
        "grades": "your marks",
        "chat_text": "what you write in the chat",
        "voice": "your voice",
        "images": "pictures of you",
        "video": "videos of you",
        "biometric": "your face or fingerprints",
        "location": "where you are",
        "device": "your phone or computer",
        "health": "your health",
        "special_needs": "your special learning needs",
        "behaviour": "how you behave in the app",
    },
    "ru": {
        "name": "имя",
        "contact": "как с тобой связаться",
        "national_id": "ИИН",
        "date_of_birth": "день рождения",
        "address": "домашний адрес",
        "school": "школа",
        "grades": "оценки",
        "chat_text": "что ты пишешь в чате",
        "voice": "голос",
        "images": "фотографии",
        "video": "видео",
        "biometric": "лицо или отпечатки пальцев",
        "location": "где ты находишься",
        "device": "телефон или компьютер",
        "health": "здоровье",
        "special_needs": "особые потребности в учёбе",
        "behaviour": "как ты ведёшь себя в приложении",
    },
    "kk": {
        "name": "атың",
        "contact": "саған хабарласу жолы",
        "national_id": "ЖСН",
        "date_of_birth": "туған күнің",
        "address": "үй мекенжайың",
        "school": "мектебің",
        "grades": "бағаларың",
        "chat_text": "чатқа жазғаның",
        "voice": "дауысың",
        "images": "суреттерің",
        "video": "бейнелерің",
        "biometric": "бетің не саусақ іздерің",
        "location": "қайда екенің",
        "device": "телефоның не компьютерің",
        "health": "денсаулығың",
        "special_needs": "оқудағы ерекше қажеттіліктерің",
        "behaviour": "қосымшадағы әрекеттерің",
    },
}
TOPICS: dict[str, dict[str, str]] = {
    "en": {
        "R1": "your well-being",
        "R2": "including every child",
        "R3": "treating all children fairly",
        "R4": "keeping your information private",
        "R5": "keeping you safe",
        "R6": "explaining how it works",
        "R7": "training the people who build it",
        "R8": "teaching children about AI",
        "R9": "access for every school",
    },
    "ru": {
        "R1": "забота о твоём благополучии",
        "R2": "доступность для всех детей",
        "R3": "честное отношение ко всем детям",
        "R4": "защита твоих личных данных",
        "R5": "твоя безопасность",
        "R6": "объяснение, как это работает",
        "R7": "обучение тех, кто её создаёт",
        "R8": "уроки об ИИ для детей",
        "R9": "доступ для каждой школы",
    },
    "kk": {
        "R1": "сенің амандығың",
        "R2": "барлық балаға қолжетімділік",
        "R3": "барлық балаға әділ қарау",
        "R4": "жеке деректеріңді қорғау",
        "R5": "сенің қауіпсіздігің",
        "R6": "қалай жұмыс істейтінін түсіндіру",
        "R7": "оны жасайтындарды оқыту",
        "R8": "балаларға ЖИ туралы сабақ",
        "R9": "әр мектепке қолжетімділік",
    },
}


def child_summary(report: dict[str, Any], language: str, *, reviewer: str, date: str) -> list[str]:
    """Sentences for children and parents, in ``language`` (kk, ru or en)."""
    text, words, topics = TEXT[language], DATA_WORDS[language], TOPICS[language]
    kept = [words[d] for d in report["product"].get("data_collected", []) if d in words]
    lines = [
        text["intro"].format(name=report["product"]["name"]),
        text["keeps"].format(items=", ".join(kept)) if kept else text["keeps_nothing"],
        text["checked"],
        text[report["band"]],
    ]
    count = len(report["blockers"])
    lines.append(text["blockers"].format(count=count) if count else text["no_blockers"])
    worst = sorted(
        (r for r in report["requirements"] if r["risk"] and r["risk"] >= 50 and r["id"] in topics),
        key=lambda r: -r["risk"],
    )[:3]
    lines += [text["needs_work"].format(topic=topics[r["id"]]) for r in worst]
    lines += [text["help"], text["signed"].format(reviewer=reviewer, date=date)]
    return lines
