"""Legacy declarative: declarative_base(), Column(...) attributes, a Table(...) association table."""

from sqlalchemy import Boolean, Column, Date, DateTime, ForeignKey, Integer, LargeBinary, String, Table, Text, text
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

student_courses = Table(
    "student_courses",
    Base.metadata,
    Column("student_id", Integer, ForeignKey("students.id", ondelete="CASCADE"), primary_key=True),
    Column("course_code", String(12), ForeignKey("courses.code"), primary_key=True),
    Column("enrolled_on", Date, server_default=text("CURRENT_DATE")),
)


class Student(Base):
    __tablename__ = "students"

    id = Column(Integer, primary_key=True)
    full_name = Column(String(120), nullable=False)
    email = Column(String(255), unique=True, index=True)
    photo = Column(LargeBinary)
    active = Column(Boolean, nullable=False, server_default=text("true"))
    created = Column(DateTime, server_default=text("CURRENT_TIMESTAMP"))
    courses = relationship("Course", secondary=student_courses)


class Course(Base):
    __tablename__ = "courses"

    code = Column(String(12), primary_key=True)
    title = Column("course_title", Text, nullable=False)
    teacher_id = Column(ForeignKey("teachers.id", ondelete="SET NULL", onupdate="CASCADE"))


class Teacher(Base):
    __tablename__ = "teachers"

    id = Column(Integer, primary_key=True, autoincrement=False)
    name = Column(String(80), nullable=False)
