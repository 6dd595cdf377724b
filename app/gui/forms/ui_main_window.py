# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QStackedWidget, QVBoxLayout, QWidget

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        MainWindow.setWindowTitle(u"Quai")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.frameLayout = QVBoxLayout(self.centralwidget)
        self.frameLayout.setSpacing(0)
        self.frameLayout.setObjectName(u"frameLayout")
        self.frameLayout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self.centralwidget)
        self.stack.setObjectName(u"stack")

        self.frameLayout.addWidget(self.stack)

        self.statusArea = QFrame(self.centralwidget)
        self.statusArea.setObjectName(u"statusArea")
        self.statusArea.setProperty(u"quaiRole", u"status-area")
        self.statusLayout = QGridLayout(self.statusArea)
        self.statusLayout.setObjectName(u"statusLayout")
        self.statusLayout.setHorizontalSpacing(16)
        self.statusLayout.setVerticalSpacing(4)
        self.statusLayout.setContentsMargins(16, 8, 16, 8)
        self.stationLabel = QLabel(self.statusArea)
        self.stationLabel.setObjectName(u"stationLabel")
        self.stationLabel.setText(u"")
        self.stationLabel.setProperty(u"quaiRole", u"status-strong")

        self.statusLayout.addWidget(self.stationLabel, 0, 0, 1, 1)

        self.userLabel = QLabel(self.statusArea)
        self.userLabel.setObjectName(u"userLabel")
        self.userLabel.setWordWrap(True)
        self.userLabel.setText(u"")
        self.userLabel.setProperty(u"quaiRole", u"status-strong")

        self.statusLayout.addWidget(self.userLabel, 0, 1, 1, 2)

        self.langLayout = QHBoxLayout()
        self.langLayout.setSpacing(8)
        self.langLayout.setObjectName(u"langLayout")
        self.langSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.langLayout.addItem(self.langSpacer)

        self.langFrButton = QPushButton(self.statusArea)
        self.langFrButton.setObjectName(u"langFrButton")
        self.langFrButton.setText(u"FR")
        self.langFrButton.setCheckable(True)
        self.langFrButton.setProperty(u"quaiRole", u"lang")

        self.langLayout.addWidget(self.langFrButton)

        self.langEnButton = QPushButton(self.statusArea)
        self.langEnButton.setObjectName(u"langEnButton")
        self.langEnButton.setText(u"EN")
        self.langEnButton.setCheckable(True)
        self.langEnButton.setProperty(u"quaiRole", u"lang")

        self.langLayout.addWidget(self.langEnButton)


        self.statusLayout.addLayout(self.langLayout, 0, 3, 1, 1)

        self.centralLabel = QLabel(self.statusArea)
        self.centralLabel.setObjectName(u"centralLabel")
        self.centralLabel.setWordWrap(True)
        self.centralLabel.setText(u"")

        self.statusLayout.addWidget(self.centralLabel, 1, 0, 1, 1)

        self.scannerLabel = QLabel(self.statusArea)
        self.scannerLabel.setObjectName(u"scannerLabel")
        self.scannerLabel.setWordWrap(True)
        self.scannerLabel.setText(u"")

        self.statusLayout.addWidget(self.scannerLabel, 1, 1, 1, 1)

        self.printerLabel = QLabel(self.statusArea)
        self.printerLabel.setObjectName(u"printerLabel")
        self.printerLabel.setWordWrap(True)
        self.printerLabel.setText(u"")

        self.statusLayout.addWidget(self.printerLabel, 1, 2, 1, 1)

        self.outboxLabel = QLabel(self.statusArea)
        self.outboxLabel.setObjectName(u"outboxLabel")
        self.outboxLabel.setWordWrap(True)
        self.outboxLabel.setText(u"")

        self.statusLayout.addWidget(self.outboxLabel, 1, 3, 1, 1)

        self.statusLayout.setColumnStretch(0, 1)
        self.statusLayout.setColumnStretch(1, 1)
        self.statusLayout.setColumnStretch(2, 1)
        self.statusLayout.setColumnStretch(3, 1)

        self.frameLayout.addWidget(self.statusArea)

        MainWindow.setCentralWidget(self.centralwidget)

        self.retranslateUi(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        pass
    # retranslateUi

