# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_LoginScreen(object):
    def setupUi(self, LoginScreen):
        if not LoginScreen.objectName():
            LoginScreen.setObjectName(u"LoginScreen")
        LoginScreen.resize(1280, 700)
        self.outerLayout = QVBoxLayout(LoginScreen)
        self.outerLayout.setSpacing(24)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(48, 24, 48, 24)
        self.topRow = QHBoxLayout()
        self.topRow.setObjectName(u"topRow")
        self.brandLabel = QLabel(LoginScreen)
        self.brandLabel.setObjectName(u"brandLabel")
        self.brandLabel.setText(u"Quai")
        self.brandLabel.setProperty(u"quaiRole", u"brand")

        self.topRow.addWidget(self.brandLabel)

        self.topSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topRow.addItem(self.topSpacer)

        self.langFrButton = QPushButton(LoginScreen)
        self.langFrButton.setObjectName(u"langFrButton")
        self.langFrButton.setText(u"FR")
        self.langFrButton.setCheckable(True)
        self.langFrButton.setProperty(u"quaiRole", u"lang")

        self.topRow.addWidget(self.langFrButton)

        self.langEnButton = QPushButton(LoginScreen)
        self.langEnButton.setObjectName(u"langEnButton")
        self.langEnButton.setText(u"EN")
        self.langEnButton.setCheckable(True)
        self.langEnButton.setProperty(u"quaiRole", u"lang")

        self.topRow.addWidget(self.langEnButton)


        self.outerLayout.addLayout(self.topRow)

        self.upperSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.upperSpacer)

        self.instructionLabel = QLabel(LoginScreen)
        self.instructionLabel.setObjectName(u"instructionLabel")
        self.instructionLabel.setProperty(u"quaiRole", u"instruction")

        self.outerLayout.addWidget(self.instructionLabel)

        self.hintLabel = QLabel(LoginScreen)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setProperty(u"quaiRole", u"hint")

        self.outerLayout.addWidget(self.hintLabel)

        self.scanRow = QHBoxLayout()
        self.scanRow.setSpacing(16)
        self.scanRow.setObjectName(u"scanRow")
        self.badgeEdit = QLineEdit(LoginScreen)
        self.badgeEdit.setObjectName(u"badgeEdit")
        self.badgeEdit.setMaxLength(64)
        self.badgeEdit.setProperty(u"quaiRole", u"scan")

        self.scanRow.addWidget(self.badgeEdit)

        self.validateButton = QPushButton(LoginScreen)
        self.validateButton.setObjectName(u"validateButton")
        self.validateButton.setProperty(u"quaiRole", u"primary")

        self.scanRow.addWidget(self.validateButton)


        self.outerLayout.addLayout(self.scanRow)

        self.busyLabel = QLabel(LoginScreen)
        self.busyLabel.setObjectName(u"busyLabel")
        self.busyLabel.setProperty(u"quaiRole", u"hint")

        self.outerLayout.addWidget(self.busyLabel)

        self.errorFrame = QFrame(LoginScreen)
        self.errorFrame.setObjectName(u"errorFrame")
        self.errorFrame.setProperty(u"quaiRole", u"error")
        self.errorLayout = QHBoxLayout(self.errorFrame)
        self.errorLayout.setSpacing(20)
        self.errorLayout.setObjectName(u"errorLayout")
        self.errorIcon = QLabel(self.errorFrame)
        self.errorIcon.setObjectName(u"errorIcon")
        self.errorIcon.setMinimumSize(QSize(64, 64))
        self.errorIcon.setMaximumSize(QSize(64, 64))
        self.errorIcon.setText(u"")

        self.errorLayout.addWidget(self.errorIcon)

        self.errorLabel = QLabel(self.errorFrame)
        self.errorLabel.setObjectName(u"errorLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.errorLabel.sizePolicy().hasHeightForWidth())
        self.errorLabel.setSizePolicy(sizePolicy)
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty(u"quaiRole", u"error-text")

        self.errorLayout.addWidget(self.errorLabel)

        self.acknowledgeButton = QPushButton(self.errorFrame)
        self.acknowledgeButton.setObjectName(u"acknowledgeButton")

        self.errorLayout.addWidget(self.acknowledgeButton)

        self.errorLayout.setStretch(1, 1)

        self.outerLayout.addWidget(self.errorFrame)

        self.lowerSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.lowerSpacer)

        QWidget.setTabOrder(self.badgeEdit, self.validateButton)
        QWidget.setTabOrder(self.validateButton, self.acknowledgeButton)

        self.retranslateUi(LoginScreen)

        self.validateButton.setDefault(True)

    # setupUi

    def retranslateUi(self, LoginScreen):
        self.instructionLabel.setText(QCoreApplication.translate("LoginScreen", u"Scan your badge", None))
        self.hintLabel.setText(QCoreApplication.translate("LoginScreen", u"No scanner at hand? Type the badge code, then press Enter or Validate.", None))
        self.badgeEdit.setPlaceholderText(QCoreApplication.translate("LoginScreen", u"Badge code, e.g. BDG0001", None))
        self.validateButton.setText(QCoreApplication.translate("LoginScreen", u"Validate", None))
        self.busyLabel.setText(QCoreApplication.translate("LoginScreen", u"Checking the badge\u2026", None))
        self.acknowledgeButton.setText(QCoreApplication.translate("LoginScreen", u"OK, understood", None))
        pass
    # retranslateUi

